import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  importDocument,
  importRevision,
  type ImportResult,
  type ImportSend,
} from '../../api/imports';
import type { UploadProgress } from '../../api/client';
import type { Content, ContentType, Language } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { importAccept, isImportable, defaultImportType } from '../../lib/documents';
import { importErrorMessage } from '../../lib/errors';
import { percentOf } from '../../lib/files';
import { DropZone } from '../files/Uploads';
import { ImportReportView } from './ImportReport';

// Importing a document: on the contents list it becomes a new content (its type and language
// chosen first), on a content the new revision of its text (confirmed first). Either way the
// file goes up with its progress shown, and the report says what came through.

type Step =
  | { kind: 'choose' }
  | { kind: 'sending'; progress: UploadProgress }
  | { kind: 'done'; result: ImportResult }
  | { kind: 'failed'; error: unknown };

function useImport() {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);
  const run = async (send: ImportSend) => {
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: 'sending', progress: { loaded: 0, total: 0 } });
    try {
      const result = await send({
        onProgress: (progress) => setStep({ kind: 'sending', progress }),
        signal: controller.signal,
      });
      setStep({ kind: 'done', result });
      return result;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') setStep({ kind: 'choose' });
      else setStep({ kind: 'failed', error });
      return null;
    }
  };
  const cancel = () => abort.current?.abort();
  const reset = () => setStep({ kind: 'choose' });
  return { step, run, cancel, reset };
}

function Progress({
  name,
  progress,
  onCancel,
}: {
  name: string;
  progress: UploadProgress;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const percent = percentOf(progress.loaded, progress.total);
  // Once the body is out the server converts it: that wait has no progress to show.
  const converting = progress.total > 0 && progress.loaded >= progress.total;
  return (
    <div className="import-progress" role="status">
      <progress max={100} value={percent} aria-label={t('import.progress', { name })} />
      <span>{converting ? t('import.converting') : `${percent} %`}</span>
      {!converting && (
        <button type="button" className="link-button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

const contentPathIn = (slug: string, id: string) =>
  `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(id)}`;

/** The contents list's way in for documents: drop one, or choose it. */
export function ImportDocumentZone({ slug, types }: { slug: string; types: ContentType[] }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <div className="import-zone">
      <DropZone
        label={t('import.button')}
        hint={t('import.hint')}
        multiple={false}
        accept={importAccept}
        testId="import-drop-zone"
        onFiles={([chosen]) => {
          if (!chosen) return;
          if (!isImportable(chosen.name)) {
            setRefused(chosen.name);
            return;
          }
          setRefused(null);
          setFile(chosen);
        }}
      />
      {refused && <Alert>{t('import.not_a_document', { name: refused })}</Alert>}
      {file && (
        <ImportDocumentDialog slug={slug} types={types} file={file} onClose={() => setFile(null)} />
      )}
    </div>
  );
}

function ImportDocumentDialog({
  slug,
  types,
  file,
  onClose,
}: {
  slug: string;
  types: ContentType[];
  file: File;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [type, setType] = useState(defaultImportType(types)?.key ?? '');
  const [language, setLanguage] = useState<Language | ''>('');
  const { step, run, cancel, reset } = useImport();
  const languageId = useId();
  const chosenType = types.find((item) => item.key === type);
  const start = async () => {
    const result = await run((options) => importDocument(slug, file, { type, language }, options));
    if (result) {
      await queryClient.invalidateQueries({
        queryKey: ['ws', slug],
        predicate: (q) => q.queryKey[2] === 'contents',
      });
    }
  };
  const open = (content: Content) => {
    onClose();
    navigate(contentPathIn(slug, content.id));
  };
  return (
    <Dialog
      open
      wide
      title={
        step.kind === 'done' ? t('import.report_title') : t('import.new_title', { name: file.name })
      }
      onClose={() => {
        cancel();
        onClose();
      }}
      actions={
        step.kind === 'done' ? (
          <>
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('common.close')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => open(step.result.content)}
            >
              {t('import.open_content')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                cancel();
                onClose();
              }}
            >
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={step.kind === 'sending'}
              onClick={() => (step.kind === 'failed' ? (reset(), void start()) : void start())}
            >
              {step.kind === 'failed' ? t('common.retry') : t('import.start')}
            </button>
          </>
        )
      }
    >
      {step.kind === 'done' ? (
        <>
          <p>
            {t('import.created', { title: step.result.content.title || t('content.untitled') })}
          </p>
          <ImportReportView report={step.result.report} type={chosenType} />
        </>
      ) : (
        <div className="form form-tight">
          {step.kind === 'failed' && <Alert>{importErrorMessage(t, step.error)}</Alert>}
          <fieldset className="type-choice" disabled={step.kind === 'sending'}>
            <legend>{t('import.type')}</legend>
            {types.map((item) => (
              <label key={item.id} className="type-option">
                <input
                  type="radio"
                  name="import-type"
                  value={item.key}
                  checked={type === item.key}
                  onChange={() => setType(item.key)}
                />
                <span className="type-option-name">{item.name}</span>
                <span className="type-option-fields">
                  {item.fields.map((field) => field.label).join(' · ')}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={languageId}>{t('import.language')}</label>
            <select
              id={languageId}
              value={language}
              disabled={step.kind === 'sending'}
              onChange={(event) =>
                setLanguage(
                  event.target.value === 'fr' ? 'fr' : event.target.value === 'en' ? 'en' : '',
                )
              }
            >
              <option value="">{t('import.language_detect')}</option>
              <option value="fr" lang="fr">
                {t('language.fr')}
              </option>
              <option value="en" lang="en">
                {t('language.en')}
              </option>
            </select>
          </div>
          {step.kind === 'sending' && (
            <Progress name={file.name} progress={step.progress} onCancel={cancel} />
          )}
        </div>
      )}
    </Dialog>
  );
}

/**
 * A content's "Import a document" action: the document becomes the new revision of its text,
 * after the person confirms; the revision before stays in the history.
 */
export function ImportRevisionButton({
  content,
  type,
  disabled,
  onImported,
}: {
  content: Content;
  type: ContentType | undefined;
  disabled: boolean;
  onImported: (content: Content) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const { step, run, cancel, reset } = useImport();
  const close = () => {
    cancel();
    setOpen(false);
  };
  const start = async () => {
    if (!file) return;
    const result = await run((options) =>
      importRevision(content.id, file, content.version, options),
    );
    if (result) onImported(result.content);
  };
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={disabled}
        title={disabled ? t('import.wait_saved') : undefined}
        onClick={() => {
          setFile(null);
          setRefused(null);
          reset();
          setOpen(true);
        }}
      >
        {t('import.revision_button')}
      </button>
      <Dialog
        open={open}
        wide
        title={step.kind === 'done' ? t('import.report_title') : t('import.revision_title')}
        onClose={close}
        actions={
          step.kind === 'done' ? (
            <button type="button" className="button button-primary" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-quiet" onClick={close}>
                {t('common.cancel')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={!file || step.kind === 'sending'}
                onClick={() => void start()}
              >
                {t('import.revision_confirm')}
              </button>
            </>
          )
        }
      >
        {step.kind === 'done' ? (
          <>
            <p>{t('import.revised', { revision: step.result.content.revision })}</p>
            <ImportReportView report={step.result.report} type={type} />
          </>
        ) : (
          <div className="form form-tight">
            <p>{t('import.revision_warning')}</p>
            {step.kind === 'failed' && <Alert>{importErrorMessage(t, step.error)}</Alert>}
            {refused && <Alert>{t('import.not_a_document', { name: refused })}</Alert>}
            {file ? (
              <p className="import-file">
                {t('import.chosen', { name: file.name })}{' '}
                {step.kind !== 'sending' && (
                  <button type="button" className="link-button" onClick={() => setFile(null)}>
                    {t('import.choose_other')}
                  </button>
                )}
              </p>
            ) : (
              <DropZone
                label={t('import.choose')}
                hint={t('import.hint')}
                multiple={false}
                accept={importAccept}
                testId="import-revision-drop-zone"
                onFiles={([chosen]) => {
                  if (!chosen) return;
                  if (!isImportable(chosen.name)) {
                    setRefused(chosen.name);
                    return;
                  }
                  setRefused(null);
                  reset();
                  setFile(chosen);
                }}
              />
            )}
            {step.kind === 'sending' && file && (
              <Progress name={file.name} progress={step.progress} onCancel={cancel} />
            )}
          </div>
        )}
      </Dialog>
    </>
  );
}
