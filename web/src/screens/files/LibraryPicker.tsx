import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaLibrary, useReuseMedia, type MediaFile } from '../../api/files';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { mediaKindKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';
import { mediaKinds, mediaQuery, type MediaKind } from '../../lib/files';
import { FileThumb, memberFileUrls, versionFacts } from './FileViews';

/** A file of the workspace's library attached to this content, without sending it again. */
export function LibraryPicker({
  slug,
  contentId,
  attached,
  onClose,
}: {
  slug: string;
  contentId: string;
  /** The media files already attached here, left out of the choice. */
  attached: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<MediaKind | ''>('');
  const [chosen, setChosen] = useState<MediaFile | null>(null);
  const [alt, setAlt] = useState('');
  const query = mediaQuery({ q: useDeferredValue(q), tag: '', kind });
  const library = useMediaLibrary(slug, query);
  const reuse = useReuseMedia(contentId);
  const files = (library.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((file) => !attached.includes(file.id));
  const searchId = useId();
  const kindId = useId();
  const altId = useId();
  return (
    <ConfirmDialog
      open
      wide
      title={t('files.picker_title')}
      confirm={t('files.attach')}
      disabled={!chosen}
      busy={reuse.isPending}
      onClose={onClose}
      onConfirm={() =>
        chosen && reuse.mutate({ media_id: chosen.id, alt: alt.trim() }, { onSuccess: onClose })
      }
      body={
        <div className="library-picker">
          <div className="library-filters">
            <div className="field">
              <label htmlFor={searchId}>{t('files.search')}</label>
              <input
                id={searchId}
                type="search"
                value={q}
                autoFocus
                onChange={(event) => setQ(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={kindId}>{t('files.kind')}</label>
              <select
                id={kindId}
                value={kind}
                onChange={(event) => setKind(event.target.value as MediaKind | '')}
              >
                <option value="">{t('files.kind_all')}</option>
                {mediaKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(mediaKindKey[k])}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {library.isError && (
            <p className="field-error">{genericErrorMessage(t, library.error)}</p>
          )}
          {library.isSuccess && files.length === 0 && (
            <p className="muted">{t('files.no_match')}</p>
          )}
          <ul className="picker-list" aria-label={t('files.library_files')}>
            {files.map((file) => (
              <li key={file.id}>
                <button
                  type="button"
                  className="picker-item"
                  aria-pressed={chosen?.id === file.id}
                  onClick={() => setChosen(file)}
                >
                  <FileThumb media={file} urls={memberFileUrls} />
                  <span className="picker-name">{file.name}</span>
                  <span className="muted">{versionFacts(t, file, file.current, locale)}</span>
                </button>
              </li>
            ))}
          </ul>
          {library.hasNextPage && (
            <button
              type="button"
              className="link-button"
              disabled={library.isFetchingNextPage}
              onClick={() => void library.fetchNextPage()}
            >
              {t('files.more')}
            </button>
          )}
          {chosen?.kind === 'image' && (
            <div className="field">
              <label htmlFor={altId}>{t('files.alt')}</label>
              <input id={altId} value={alt} onChange={(event) => setAlt(event.target.value)} />
              <p className="field-hint">{t('files.alt_hint')}</p>
            </div>
          )}
          {reuse.isError && <p className="field-error">{genericErrorMessage(t, reuse.error)}</p>}
        </div>
      }
    />
  );
}
