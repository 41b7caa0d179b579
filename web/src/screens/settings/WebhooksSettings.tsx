import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useRedeliver,
  useUpdateWebhook,
  useWebhookDeliveries,
  useWebhooks,
  webhookEventKinds,
  type CreatedWebhook,
  type Webhook,
  type WebhookEventKind,
} from '../../api/webhooks';
import { useChannels } from '../../api/channels';
import { useTypes } from '../../api/contentTypes';
import { useProjects } from '../../api/projects';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EditDialog } from '../../components/EditDialog';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { webhookEventLabelKey } from '../../i18n/keys';
import { genericErrorMessage, problemMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

interface Draft {
  /** Set: the webhook being changed; absent: a new one. */
  id?: string;
  url: string;
  description: string;
  events: WebhookEventKind[];
  project: string;
  channel: string;
  type: string;
}

const emptyDraft: Draft = {
  url: 'https://',
  description: '',
  events: ['content.status_changed'],
  project: '',
  channel: '',
  type: '',
};

/**
 * Webhooks: the workspace's events sent to other tools (a CMS, a chat, a warehouse), signed with a
 * secret shown once; each with its recent deliveries, which an admin can send again.
 */
export function WebhooksSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const webhooks = useWebhooks(slug);
  const create = useCreateWebhook(slug);
  const update = useUpdateWebhook(slug);
  const remove = useDeleteWebhook(slug);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [open, setOpen] = useState<string | null>(null);

  const submit = () => {
    if (!draft) return;
    const input = {
      url: draft.url.trim(),
      description: draft.description.trim(),
      events: draft.events,
    };
    if (draft.id) {
      // A filter left empty is cleared.
      update.mutate(
        {
          id: draft.id,
          ...input,
          project: draft.project || null,
          channel: draft.channel || null,
          type: draft.type || null,
        },
        { onSuccess: () => setDraft(null) },
      );
      return;
    }
    create.mutate(
      {
        ...input,
        ...(draft.project ? { project: draft.project } : {}),
        ...(draft.channel ? { channel: draft.channel } : {}),
        ...(draft.type ? { type: draft.type } : {}),
      },
      {
        onSuccess: (webhook) => {
          setDraft(null);
          setCreated(webhook);
        },
      },
    );
  };
  const saving = draft?.id ? update : create;

  return (
    <div className="settings-section">
      <p className="muted">{t('webhooks.intro')}</p>
      {update.isError && !draft && <Alert>{genericErrorMessage(t, update.error)}</Alert>}
      <div className="section-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            create.reset();
            update.reset();
            setDraft(emptyDraft);
          }}
        >
          {t('webhooks.new')}
        </button>
      </div>
      {webhooks.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : webhooks.isError ? (
        <Alert>{problemMessage(t, webhooks.error)}</Alert>
      ) : webhooks.data.length === 0 ? (
        <p className="muted">{t('webhooks.empty')}</p>
      ) : (
        <ul className="share-list" aria-label={t('webhooks.title')}>
          {webhooks.data.map((webhook) => (
            <li key={webhook.id} className="webhook-row">
              <div className="share-row">
                <div className="share-who">
                  <span className="share-name webhook-url">{webhook.url}</span>
                  <span className="muted">
                    {webhook.description ? `${webhook.description} · ` : ''}
                    {webhook.events.map((kind) => t(webhookEventLabelKey[kind])).join(', ')}
                  </span>
                  <span className="muted">
                    {webhook.paused
                      ? webhook.paused_reason === 'failing'
                        ? t('webhooks.state_paused_failing')
                        : t('webhooks.state_paused')
                      : webhook.failing_since
                        ? t('webhooks.state_failing', {
                            since: formatDateTime(webhook.failing_since, locale),
                          })
                        : t('webhooks.state_active')}
                  </span>
                </div>
                <span className="row-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-expanded={open === webhook.id}
                    onClick={() => setOpen(open === webhook.id ? null : webhook.id)}
                  >
                    {t('webhooks.deliveries')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('webhooks.edit_named', { url: webhook.url })}
                    onClick={() => {
                      update.reset();
                      setDraft({
                        id: webhook.id,
                        url: webhook.url,
                        description: webhook.description,
                        events: webhook.events,
                        project: webhook.project ?? '',
                        channel: webhook.channel ?? '',
                        type: webhook.type ?? '',
                      });
                    }}
                  >
                    {t('common.edit')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={update.isPending}
                    onClick={() => update.mutate({ id: webhook.id, paused: !webhook.paused })}
                  >
                    {webhook.paused ? t('webhooks.resume') : t('webhooks.pause')}
                  </button>
                  <ConfirmButton
                    label={t('common.delete')}
                    ariaLabel={t('webhooks.delete_named', { url: webhook.url })}
                    title={t('webhooks.delete_named', { url: webhook.url })}
                    body={
                      <>
                        <p>{t('webhooks.delete_body')}</p>
                        {remove.isError && <Alert>{genericErrorMessage(t, remove.error)}</Alert>}
                      </>
                    }
                    busy={remove.isPending}
                    onConfirm={(done) =>
                      remove.mutate(webhook.id, {
                        onSuccess: () => {
                          if (open === webhook.id) setOpen(null);
                          done();
                        },
                      })
                    }
                  />
                </span>
              </div>
              {open === webhook.id && <Deliveries slug={slug} webhook={webhook} />}
            </li>
          ))}
        </ul>
      )}

      <EditDialog
        open={draft !== null}
        title={draft?.id ? t('webhooks.edit') : t('webhooks.new')}
        wide
        canSave={Boolean(draft?.url.trim()) && draft?.events.length !== 0 && !saving.isPending}
        saveLabel={draft?.id ? t('common.save') : t('webhooks.create')}
        onClose={() => setDraft(null)}
        onSave={submit}
      >
        {draft && <WebhookForm slug={slug} draft={draft} onChange={setDraft} />}
        {saving.isError && <Alert>{problemMessage(t, saving.error)}</Alert>}
      </EditDialog>

      <Dialog
        open={created !== null}
        title={t('webhooks.secret_title')}
        onClose={() => setCreated(null)}
        actions={
          <button type="button" className="button button-primary" onClick={() => setCreated(null)}>
            {t('webhooks.secret_done')}
          </button>
        }
      >
        {created && (
          <div className="form form-tight">
            <p>{t('webhooks.secret_intro')}</p>
            <Field
              label={t('webhooks.secret')}
              value={created.secret}
              readOnly
              onFocus={(event) => event.target.select()}
            />
            <p className="muted">{t('webhooks.secret_hint')}</p>
          </div>
        )}
      </Dialog>
    </div>
  );
}

/** The URL, the event kinds and the filter of a new webhook. */
function WebhookForm({
  slug,
  draft,
  onChange,
}: {
  slug: string;
  draft: Draft;
  onChange: (draft: Draft) => void;
}) {
  const { t } = useTranslation();
  const projects = (useProjects(slug).data ?? []).filter((p) => !p.archived);
  const channels = useChannels(slug).data ?? [];
  const types = useTypes(slug).data ?? [];
  const toggle = (kind: WebhookEventKind) =>
    onChange({
      ...draft,
      events: draft.events.includes(kind)
        ? draft.events.filter((k) => k !== kind)
        : webhookEventKinds.filter((k) => k === kind || draft.events.includes(k)),
    });
  return (
    <div className="form form-tight">
      <Field
        label={t('webhooks.url')}
        hint={t('webhooks.url_hint')}
        type="url"
        value={draft.url}
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
      />
      <Field
        label={t('webhooks.description')}
        value={draft.description}
        maxLength={200}
        onChange={(event) => onChange({ ...draft, description: event.target.value })}
      />
      <fieldset className="choice-list">
        <legend>{t('webhooks.events')}</legend>
        {webhookEventKinds.map((kind) => (
          <label key={kind} className="checklist-item">
            <input
              type="checkbox"
              checked={draft.events.includes(kind)}
              onChange={() => toggle(kind)}
            />{' '}
            {t(webhookEventLabelKey[kind])} <code className="muted">{kind}</code>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('webhooks.filter')}</legend>
        <div className="field">
          <label htmlFor="webhook-project">{t('webhooks.filter_project')}</label>
          <select
            id="webhook-project"
            value={draft.project}
            onChange={(event) => onChange({ ...draft, project: event.target.value })}
          >
            <option value="">{t('webhooks.any')}</option>
            {projects.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="webhook-channel">{t('webhooks.filter_channel')}</label>
          <select
            id="webhook-channel"
            value={draft.channel}
            onChange={(event) => onChange({ ...draft, channel: event.target.value })}
          >
            <option value="">{t('webhooks.any')}</option>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="webhook-type">{t('webhooks.filter_type')}</label>
          <select
            id="webhook-type"
            value={draft.type}
            onChange={(event) => onChange({ ...draft, type: event.target.value })}
          >
            <option value="">{t('webhooks.any')}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
    </div>
  );
}

/** A webhook's recent deliveries, each with its outcome and a way to send it again. */
function Deliveries({ slug, webhook }: { slug: string; webhook: Webhook }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const deliveries = useWebhookDeliveries(slug, webhook.id);
  const redeliver = useRedeliver(slug, webhook.id);
  if (deliveries.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (deliveries.isError) return <Alert>{problemMessage(t, deliveries.error)}</Alert>;
  if (deliveries.data.length === 0) return <p className="muted">{t('webhooks.no_deliveries')}</p>;
  return (
    <div className="webhook-deliveries">
      {redeliver.isError && <Alert>{problemMessage(t, redeliver.error)}</Alert>}
      <DataTable
        caption={t('webhooks.deliveries_of', { url: webhook.url })}
        columns={[
          t('webhooks.col_time'),
          t('webhooks.col_event'),
          t('webhooks.col_state'),
          t('webhooks.col_answer'),
        ]}
        actions={t('webhooks.redeliver')}
      >
        {deliveries.data.map((d) => (
          <tr key={d.id}>
            <td>{formatDateTime(d.last_attempt_at ?? d.created_at, locale)}</td>
            <td>
              <code>{d.event}</code>
            </td>
            <td>
              {d.state === 'delivered'
                ? t('webhooks.delivered')
                : d.state === 'failed'
                  ? t('webhooks.failed')
                  : t('webhooks.pending')}
              {d.attempts > 1 && (
                <span className="muted"> · {t('webhooks.attempts', { count: d.attempts })}</span>
              )}
            </td>
            <td>
              {d.status !== null && <span>{d.status}</span>}
              {d.latency_ms !== null && (
                <span className="muted"> · {t('webhooks.latency', { ms: d.latency_ms })}</span>
              )}
              {(d.error ?? d.response_excerpt) && (
                <div className="muted webhook-excerpt">{d.error ?? d.response_excerpt}</div>
              )}
            </td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                disabled={redeliver.isPending || webhook.paused}
                onClick={() => redeliver.mutate(d.id)}
              >
                {t('webhooks.redeliver')}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
