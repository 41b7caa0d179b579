import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentKeys } from '../../api/contents';
import { useAttachments, type Attachment } from '../../api/files';
import type { Channel, Network, NetworkRules } from '../../api/types';
import { resetVariant, useVariantSettings } from '../../api/variants';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/Dialog';
import { PreviewPanel } from '../../components/previews/PreviewPanel';
import { imagesOf, previewData } from '../../components/previews/data';
import { useLocale } from '../../i18n';
import { networkNameKey, variantFieldKey } from '../../i18n/keys';
import { genericErrorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import {
  countText,
  deriveVariant,
  hasVariant,
  hookField,
  rulesFor,
  splitAtHook,
  tagCounts,
  variantChannels,
  variantFields,
  variantKey,
} from '../../lib/variants';
import { AutoTextarea, Counters } from './FieldEditors';
import type { ContentSync } from './useContentSync';

// The content page's "Channels": one card per channel of the content that has a network, its cut
// of the text derived from the main text until someone edits it, with the network's counters;
// then every cut as its network will show it. Edits go through the page's autosave (the variant's
// fields are keys of its values), so a conflict is shown and settled like the main text's.

export function VariantsSection({
  sync,
  channels,
  editable,
  slug,
  workspaceName,
}: {
  sync: ContentSync;
  channels: Channel[];
  editable: boolean;
  slug: string;
  workspaceName: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { page, networks } = useVariantSettings(slug, workspaceName);
  const attachments = useAttachments(sync.content.id).data ?? [];
  const images = imagesOf(attachments);
  const selected = Array.isArray(sync.local.channels) ? (sync.local.channels as string[]) : [];
  const shown = variantChannels(channels, selected);
  if (shown.length === 0) return null;

  // The main text as on screen now: a derived cut follows it as the user types.
  const main = {
    title: typeof sync.local.title === 'string' ? sync.local.title : '',
    fields: Object.fromEntries(
      Object.entries(sync.local)
        .filter(([key]) => key.startsWith('fields.'))
        .map(([key, value]) => [key.slice('fields.'.length), value]),
    ) as Record<string, string>,
    publications: (sync.content as { publications?: unknown }).publications,
  };
  const firstImage = images.keys().next().value ?? null;
  const cuts = shown.map((channel) => {
    const rules = rulesFor(channel.network, networks);
    const edited = hasVariant(sync.local, channel.id);
    const derived = deriveVariant(main, channel.network, { firstImage });
    const visualValue = sync.local[variantKey(channel.id, 'visual')];
    return {
      channel,
      rules,
      edited,
      derived,
      fields: edited ? variantFields(sync.local, channel.id, rules) : derived.fields,
      visual: edited ? (typeof visualValue === 'string' ? visualValue : null) : derived.visual,
    };
  });

  return (
    <section className="variants-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('variants.title')}</h2>
      <p className="field-hint">{t('variants.intro')}</p>
      <div className="variant-cards">
        {cuts.map((cut) => (
          <VariantCard
            key={cut.channel.id}
            {...cut}
            sync={sync}
            editable={editable}
            images={attachments.filter((a) => a.media.kind === 'image')}
          />
        ))}
      </div>
      <PreviewPanel
        page={page}
        items={cuts.map((cut) =>
          previewData(
            cut.channel,
            cut.channel.network,
            cut.rules,
            cut.fields,
            cut.visual,
            images,
            main.title,
          ),
        )}
      />
    </section>
  );
}

function VariantCard({
  channel,
  rules,
  edited,
  derived,
  fields,
  visual,
  sync,
  editable,
  images,
}: {
  channel: Channel & { network: Network };
  rules: NetworkRules;
  edited: boolean;
  derived: { fields: Record<string, string>; visual: string | null };
  fields: Record<string, string>;
  visual: string | null;
  sync: ContentSync;
  editable: boolean;
  images: Attachment[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [resetError, setResetError] = useState<unknown>(null);
  const network = t(networkNameKey[channel.network]);

  // The first edit of a derived cut keeps every derived field as it was: the variant saved is
  // the whole cut the user saw, not one field of it.
  const edit = (key: string, value: string | null) => {
    if (!edited) {
      for (const field of rules.fields) {
        if (field.key !== key)
          sync.change(variantKey(channel.id, field.key), derived.fields[field.key] ?? '');
      }
      if (key !== 'visual' && derived.visual)
        sync.change(variantKey(channel.id, 'visual'), derived.visual);
    }
    sync.change(variantKey(channel.id, key), value);
  };

  const reset = async () => {
    setResetting(true);
    setResetError(null);
    try {
      const fresh = await resetVariant(sync.content.id, channel.id, sync.content.version);
      sync.replaceFromServer(fresh);
      setConfirming(false);
    } catch (error) {
      setResetError(error);
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: contentKeys.one(sync.content.id) });
    } finally {
      setResetting(false);
    }
  };

  const text = fields.text ?? '';
  const tags = tagCounts(text);
  const hooked = hookField(rules);
  return (
    <article
      className={edited ? 'variant-card variant-edited' : 'variant-card'}
      aria-labelledby={`${id}-name`}
      data-testid={`variant-${channel.network}`}
    >
      <header className="variant-head">
        <span className="channel-dot" style={{ background: channel.color }} aria-hidden="true" />
        <h3 id={`${id}-name`}>{channel.name}</h3>
        {channel.name !== network && <span className="muted">{network}</span>}
        <span className={edited ? 'badge badge-edited' : 'badge'} data-testid="variant-state">
          {edited ? t('variants.edited') : t('variants.derived')}
        </span>
      </header>
      <fieldset className="variant-fields" disabled={!editable}>
        <legend className="sr-only">{t('variants.fields_of', { channel: channel.name })}</legend>
        {rules.fields.map((field) => {
          const value = fields[field.key] ?? '';
          const count = countText(value, field.counting);
          const inputId = `${id}-${field.key}`;
          const counterId = `${inputId}-counter`;
          const label = t(variantFieldKey[field.key] ?? 'variants.field_text');
          const cut = field.key === hooked ? splitAtHook(value, rules) : null;
          return (
            <div key={field.key} className="content-field variant-field">
              <div className="content-field-head">
                <label htmlFor={inputId} className="content-field-label">
                  {label}
                </label>
                {field.limit !== null ? (
                  <Counters id={counterId} count={count} limits={[{ limit: field.limit }]} />
                ) : (
                  <span id={counterId} className="counters counters-ok" aria-live="polite">
                    {t('variants.count', { count: formatNumber(count, locale) })}
                  </span>
                )}
              </div>
              {field.key === 'text' ? (
                <AutoTextarea
                  id={inputId}
                  value={value}
                  describedBy={counterId}
                  onChange={(next) => edit(field.key, next)}
                />
              ) : (
                <input
                  id={inputId}
                  type="text"
                  value={value}
                  aria-describedby={counterId}
                  onChange={(event) => edit(field.key, event.target.value.replace(/\n/g, ' '))}
                />
              )}
              {cut && rules.network === 'x' && cut.rest && (
                <p className="variant-hook variant-over">
                  {t('variants.x_over', { limit: formatNumber(field.limit ?? 280, locale) })}{' '}
                  <q>{cut.rest}</q>
                </p>
              )}
              {cut && rules.hook !== null && value !== '' && (
                <p className="variant-hook" data-testid="variant-hook">
                  {rules.network === 'newsletter'
                    ? t('variants.hook_inbox', { count: rules.hook })
                    : t('variants.hook', { count: rules.hook })}{' '}
                  <q>
                    {cut.shown}
                    {cut.rest && '…'}
                  </q>
                </p>
              )}
            </div>
          );
        })}
        {rules.fields.some((field) => field.key === 'text') && (
          <p className="variant-tags muted" data-testid="variant-tags">
            <span>
              {rules.hashtag_limit !== null
                ? t('variants.hashtags_limit', {
                    count: tags.hashtags,
                    limit: rules.hashtag_limit,
                  })
                : t('variants.hashtags', { count: tags.hashtags })}
            </span>
            {' · '}
            <span>
              {rules.mention_limit !== null
                ? t('variants.mentions_limit', {
                    count: tags.mentions,
                    limit: rules.mention_limit,
                  })
                : t('variants.mentions', { count: tags.mentions })}
            </span>
          </p>
        )}
        <div className="content-field variant-field">
          <label htmlFor={`${id}-visual`} className="content-field-label">
            {t('variants.visual')}
          </label>
          <select
            id={`${id}-visual`}
            value={visual ?? ''}
            onChange={(event) => edit('visual', event.target.value || null)}
          >
            <option value="">{t('variants.visual_none')}</option>
            {images.map((image) => (
              <option key={image.id} value={image.id}>
                {image.alt || image.media.name}
              </option>
            ))}
          </select>
          {images.length === 0 && <p className="field-hint">{t('variants.visual_hint')}</p>}
        </div>
      </fieldset>
      {edited && editable && (
        <div className="variant-actions">
          <button
            type="button"
            className="button button-quiet"
            disabled={sync.state.kind !== 'saved'}
            title={sync.state.kind !== 'saved' ? t('variants.reset_wait') : undefined}
            onClick={() => setConfirming(true)}
          >
            {t('variants.reset')}
          </button>
        </div>
      )}
      {resetError !== null && <Alert>{genericErrorMessage(t, resetError)}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={t('variants.reset_title', { channel: channel.name })}
        body={<p>{t('variants.reset_body', { channel: channel.name })}</p>}
        confirm={t('variants.reset')}
        busy={resetting}
        onConfirm={() => void reset()}
        onClose={() => setConfirming(false)}
      />
    </article>
  );
}
