import { useTranslation } from 'react-i18next';
import {
  reviewMediaPath,
  useReviewAttachments,
  type Review,
  type ReviewContent,
} from '../../api/review';
import type { PreviewImage } from '../../components/previews/types';
import { PreviewPanel } from '../../components/previews/PreviewPanel';
import { networkNameKey } from '../../i18n/keys';
import { deriveVariant, isNetwork, networks, rulesFor } from '../../lib/variants';
import { previewData } from '../../components/previews/data';

/**
 * What a review link's visitor validates beside the text: each channel's cut as its network will
 * show it (issue 20). Edited variants as written; a channel with a network and no variant as
 * derived from the main text, when the link says which channels the content goes to.
 */
export function ReviewPreviews({
  secret,
  content,
  review,
}: {
  secret: string;
  content: ReviewContent;
  review: Review;
}) {
  const { t } = useTranslation();
  const attachments = useReviewAttachments(secret, content.id).data ?? [];
  const images = new Map<string, PreviewImage>(
    attachments
      .filter((attachment) => attachment.media.kind === 'image')
      .map((attachment) => [
        attachment.id,
        {
          url: `${reviewMediaPath(secret, attachment.media.id)}/versions/${attachment.media.current.number}/thumbnail?size=web`,
          alt: attachment.alt,
        },
      ]),
  );
  const variants = content.variants ?? {};
  const channels = [
    ...Object.entries(variants).map(([id, variant]) => ({
      id,
      name: content.channels?.find((c) => c.id === id)?.name,
      network: variant.network,
    })),
    ...(content.channels ?? [])
      .filter((channel) => isNetwork(channel.network) && !(channel.id in variants))
      .map((channel) => ({ id: channel.id, name: channel.name, network: channel.network! })),
  ];
  // In the networks' usual order (the link does not say the workspace's order of channels).
  channels.sort((a, b) => networks.indexOf(a.network) - networks.indexOf(b.network));
  const firstImage = images.keys().next().value ?? null;
  const items = channels.map((channel) => {
    const rules = rulesFor(channel.network, review.networks);
    const variant = variants[channel.id];
    const cut = variant ?? deriveVariant(content, channel.network, { firstImage });
    return previewData(
      { id: channel.id, name: channel.name ?? t(networkNameKey[channel.network]) },
      channel.network,
      rules,
      cut.fields,
      cut.visual,
      images,
      content.title,
    );
  });
  const page = {
    name: review.page?.name || t('variants.page_unknown'),
    avatarUrl: review.page?.avatar_url ?? null,
  };
  return <PreviewPanel items={items} page={page} />;
}
