import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldKinds, type ContentType, type FieldDef, type FieldKind } from '../../api/types';
import { useDeleteType, useSaveType, useTypes } from '../../api/contentTypes';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { EditDialog } from '../../components/EditDialog';
import { Field } from '../../components/Field';
import { MoveButtons } from '../../components/MoveButtons';
import type { TranslationKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';
import { moveItem } from '../../lib/workflow';

export const kindLabelKey = {
  text: 'kind.text',
  longtext: 'kind.longtext',
  richtext: 'kind.richtext',
  date: 'kind.date',
  choice: 'kind.choice',
  multichoice: 'kind.multichoice',
  url: 'kind.url',
  number: 'kind.number',
} as const satisfies Record<FieldKind, TranslationKey>;

const isText = (kind: FieldKind) => kind === 'text' || kind === 'longtext' || kind === 'richtext';
const isChoice = (kind: FieldKind) => kind === 'choice' || kind === 'multichoice';

/** "Lead paragraph" → "lead_paragraph": a key people need not type. */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
}

interface Editing {
  id?: string;
  key: string;
  name: string;
  fields: (FieldDef & { optionsText?: string })[];
}

/** Content types: what fields a kind of content has, of what kind, with what limits. */
export function TypesSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const types = useTypes(slug).data ?? [];
  const save = useSaveType(slug);
  const remove = useDeleteType(slug);
  const [editing, setEditing] = useState<Editing | null>(null);

  const open = (type?: ContentType) =>
    setEditing(
      type
        ? {
            id: type.id,
            key: type.key,
            name: type.name,
            fields: type.fields.map((f) => ({ ...f, optionsText: (f.options ?? []).join(', ') })),
          }
        : { key: '', name: '', fields: [] },
    );

  const setField = (index: number, patch: Partial<Editing['fields'][number]>) =>
    editing &&
    setEditing({
      ...editing,
      fields: editing.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)),
    });
  const move = (from: number, to: number) =>
    editing && setEditing({ ...editing, fields: moveItem(editing.fields, from, to) });

  const submit = () => {
    if (!editing) return;
    const fields: FieldDef[] = editing.fields.map(({ optionsText, ...f }) => {
      const field: FieldDef = {
        key: f.key || keyFromLabel(f.label),
        label: f.label.trim(),
        kind: f.kind,
        required: f.required,
        max_length: isText(f.kind) ? f.max_length : null,
      };
      if (isChoice(f.kind)) {
        field.options = (optionsText ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean);
      }
      if (isText(f.kind) && f.channel_limits) field.channel_limits = true;
      return field;
    });
    save.mutate(
      {
        ...(editing.id ? { id: editing.id } : {}),
        key: editing.key || keyFromLabel(editing.name),
        name: editing.name.trim(),
        fields,
      },
      { onSuccess: () => setEditing(null) },
    );
  };

  return (
    <div className="settings-section">
      {remove.isError && (
        <Alert>
          {isApiError(remove.error, 409)
            ? t('settings.type_in_use')
            : genericErrorMessage(t, remove.error)}
        </Alert>
      )}
      <div className="section-actions">
        <button type="button" className="button button-primary" onClick={() => open()}>
          {t('settings.new_type')}
        </button>
      </div>
      <ul className="card-list">
        {types.map((type) => (
          <li key={type.id} className="card-row">
            <div>
              <strong>{type.name}</strong>
              <p className="muted">
                {type.fields.map((f) => `${f.label} (${t(kindLabelKey[f.kind])})`).join(' · ')}
              </p>
            </div>
            <div className="row-actions">
              <button type="button" className="button button-quiet" onClick={() => open(type)}>
                {t('common.edit')}
              </button>
              <ConfirmButton
                label={t('common.delete')}
                title={t('settings.delete_named', { name: type.name })}
                body={<p>{t('settings.delete_type_body')}</p>}
                onConfirm={(done) => remove.mutate(type.id, { onSettled: done })}
              />
            </div>
          </li>
        ))}
      </ul>

      <EditDialog
        open={editing !== null}
        wide
        title={editing?.id ? t('settings.edit_type') : t('settings.new_type')}
        canSave={
          Boolean(editing?.name.trim()) &&
          !editing?.fields.some((f) => !f.label.trim()) &&
          !save.isPending
        }
        onClose={() => setEditing(null)}
        onSave={submit}
      >
        {editing && (
          <div className="form form-tight">
            {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
            <Field
              label={t('settings.type_name')}
              value={editing.name}
              onChange={(event) => setEditing({ ...editing, name: event.target.value })}
            />
            <DataTable
              className="table fields-table"
              columns={[
                t('settings.field_label'),
                t('settings.field_kind'),
                t('settings.field_required'),
                t('settings.field_max'),
                t('settings.field_options'),
              ]}
              actions
            >
              {editing.fields.map((field, index) => (
                <tr key={index}>
                  <td>
                    <input
                      aria-label={t('settings.field_label')}
                      value={field.label}
                      onChange={(event) => setField(index, { label: event.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={t('settings.field_kind')}
                      value={field.kind}
                      onChange={(event) =>
                        setField(index, { kind: event.target.value as FieldKind })
                      }
                    >
                      {fieldKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(kindLabelKey[kind])}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('settings.field_required')}
                      checked={field.required}
                      onChange={(event) => setField(index, { required: event.target.checked })}
                    />
                  </td>
                  <td>
                    {isText(field.kind) && (
                      <>
                        <input
                          type="number"
                          min={1}
                          className="input-narrow"
                          aria-label={t('settings.field_max')}
                          value={field.max_length ?? ''}
                          onChange={(event) =>
                            setField(index, {
                              max_length:
                                event.target.value === '' ? null : Number(event.target.value),
                            })
                          }
                        />
                        <label className="checklist-item">
                          <input
                            type="checkbox"
                            checked={Boolean(field.channel_limits)}
                            onChange={(event) =>
                              setField(index, { channel_limits: event.target.checked })
                            }
                          />
                          {t('settings.field_channel_limits')}
                        </label>
                      </>
                    )}
                  </td>
                  <td>
                    {isChoice(field.kind) && (
                      <input
                        aria-label={t('settings.field_options')}
                        placeholder={t('settings.field_options_hint')}
                        value={field.optionsText ?? ''}
                        onChange={(event) => setField(index, { optionsText: event.target.value })}
                      />
                    )}
                  </td>
                  <td className="row-actions">
                    <MoveButtons index={index} count={editing.fields.length} onMove={move} />
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('settings.remove_field')}
                      onClick={() =>
                        setEditing({
                          ...editing,
                          fields: editing.fields.filter((_, i) => i !== index),
                        })
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
            <div>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  setEditing({
                    ...editing,
                    fields: [
                      ...editing.fields,
                      { key: '', label: '', kind: 'text', required: false, max_length: null },
                    ],
                  })
                }
              >
                {t('settings.add_field')}
              </button>
            </div>
          </div>
        )}
      </EditDialog>
    </div>
  );
}
