import { FeedPost } from './FeedPost';
import { InstagramPreview } from './InstagramPreview';
import { NewsletterPreview } from './NewsletterPreview';
import { XPreview } from './XPreview';
import type { PreviewData, PreviewPage } from './types';

/** One variant drawn as its network shows it. */
export function NetworkPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  switch (data.network) {
    case 'x':
      return <XPreview data={data} page={page} />;
    case 'linkedin':
      return <FeedPost network="linkedin" data={data} page={page} />;
    case 'facebook':
      return <FeedPost network="facebook" data={data} page={page} />;
    case 'instagram':
      return <InstagramPreview data={data} page={page} />;
    case 'newsletter':
      return <NewsletterPreview data={data} page={page} />;
  }
}
