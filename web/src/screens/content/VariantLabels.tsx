import { useTranslation } from 'react-i18next';
import { useChannels } from '../../api/channels';
import type { Channel, Variant } from '../../api/types';
import { useVariantSettings } from '../../api/variants';
import type { TFunction } from 'i18next';
import { useLocale } from '../../i18n';
import { networkNameKey, variantFieldKey } from '../../i18n/keys';
import { formatList, formatNumber } from '../../lib/format';
import {
  findVariantViolations,
  isNetwork,
  parseVariantKey,
  type VariantViolation,
} from '../../lib/variants';
import { useShell } from '../AppShell';

// Variants in the lists every screen shows about a text: the "To check" list, the conflicts,
// the diff. A variant's field is named "<channel> · <field>" ("X · Text").

/**
 * "X · Text" for "variants.<channel id>.text"; null for a key that is not a variant's. The
 * channel is named as the workspace names it, or by its network when the channel is not known.
 */
export function variantLabel(
  t: TFunction,
  key: string,
  channels: readonly Pick<Channel, 'id' | 'name'>[],
  networkOf?: (channelId: string) => string | null | undefined,
): string | null {
  const parsed = parseVariantKey(key);
  if (!parsed) return null;
  const network = networkOf?.(parsed.channelId);
  const channel =
    channels.find((c) => c.id === parsed.channelId)?.name ??
    (isNetwork(network) ? t(networkNameKey[network]) : parsed.channelId);
  const fieldKey = variantFieldKey[parsed.field];
  return t('variants.label', { channel, field: fieldKey ? t(fieldKey) : parsed.field });
}

/** The variants' checks on what is on screen, by the workspace's network rules. */
export function useVariantChecks(
  local: Record<string, unknown>,
  channels: readonly Channel[],
): VariantViolation[] {
  const { membership } = useShell();
  const { networks } = useVariantSettings(membership.workspace.slug, membership.workspace.name);
  return findVariantViolations(local, channels, networks);
}

/** The variants' lines of the "To check" list. */
export function VariantCheckItems({
  found,
  channels,
}: {
  found: VariantViolation[];
  channels: readonly Channel[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      {found.map((v) => {
        const channel = channels.find((c) => c.id === v.channel_id)?.name ?? v.channel_id;
        const values = {
          actual: formatNumber(v.actual, locale),
          limit: formatNumber(v.limit, locale),
          channel,
        };
        return (
          <li key={`${v.field}-${v.rule}`} className="check-over" data-testid="variant-check">
            {v.rule === 'hashtag_limit'
              ? t('variants.check_hashtags', values)
              : v.rule === 'mention_limit'
                ? t('variants.check_mentions', values)
                : t('variants.check_limit', {
                    ...values,
                    field: variantLabel(t, v.field, channels) ?? v.field,
                  })}
          </li>
        );
      })}
    </>
  );
}

/** A revision's variants, read as its text is read in the history ("X · Text", then the text). */
export function RevisionVariants({ variants }: { variants: Record<string, Variant> | undefined }) {
  const { t } = useTranslation();
  const { membership } = useShell();
  const channels = useChannels(membership.workspace.slug).data ?? [];
  const entries = Object.entries(variants ?? {});
  if (entries.length === 0) return null;
  return (
    <>
      {entries.flatMap(([channelId, variant]) =>
        Object.entries(variant.fields)
          .filter(([, value]) => value)
          .map(([key, value]) => (
            <section key={`${channelId}-${key}`} className="revision-field">
              <h4>
                {variantLabel(t, `variants.${channelId}.${key}`, channels, () => variant.network)}
              </h4>
              <p className="plain-text">{value}</p>
            </section>
          )),
      )}
    </>
  );
}

/** "Covers: X, LinkedIn, Newsletter": the channels whose variants an approval saw. */
export function CoveredVariants({
  ids,
  variants,
}: {
  ids: readonly string[] | undefined;
  variants: Record<string, Variant> | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { membership } = useShell();
  const channels = useChannels(membership.workspace.slug).data ?? [];
  if (!ids || ids.length === 0) return null;
  const names = ids.map((id) => {
    const named = channels.find((channel) => channel.id === id)?.name;
    if (named) return named;
    const network = variants?.[id]?.network;
    return isNetwork(network) ? t(networkNameKey[network]) : id;
  });
  return (
    <span className="approval-covers" data-testid="approval-covers">
      {t('variants.covers', { channels: formatList(names, locale) })}
    </span>
  );
}
