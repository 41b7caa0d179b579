import { mediaThumbnailUrl, type Attachment } from '../../api/files';
import type { Channel, Network, NetworkRules } from '../../api/types';
import { urlsIn } from '../../lib/variants';
import type { PreviewData, PreviewImage } from './types';

/** The content's image attachments, as previews draw them. */
export function imagesOf(attachments: readonly Attachment[]): Map<string, PreviewImage> {
  return new Map(
    attachments
      .filter((attachment) => attachment.media.kind === 'image')
      .map((attachment) => [
        attachment.id,
        {
          url: mediaThumbnailUrl(attachment.media.id, attachment.media.current.number, 'web'),
          alt: attachment.alt,
        },
      ]),
  );
}

/** What a preview of one channel's cut needs. */
export function previewData(
  channel: Pick<Channel, 'id' | 'name'>,
  network: Network,
  rules: NetworkRules,
  fields: Record<string, string>,
  visual: string | null,
  images: Map<string, PreviewImage>,
  title: string,
): PreviewData {
  const url = urlsIn(fields.text ?? '')[0];
  const firstImage = images.values().next().value ?? null;
  return {
    channelId: channel.id,
    channelName: channel.name,
    network,
    rules,
    fields,
    image: visual ? (images.get(visual) ?? null) : null,
    link: url ? { url, title, image: firstImage } : null,
  };
}
