import { FacebookPreview } from './FacebookPreview';
import { InstagramPreview } from './InstagramPreview';
import { LinkedInPreview } from './LinkedInPreview';
import { NewsletterPreview } from './NewsletterPreview';
import { XPreview } from './XPreview';
import type { PreviewData, PreviewPage } from './types';

/** One variant drawn as its network shows it. */
export function NetworkPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  switch (data.network) {
    case 'x':
      return <XPreview data={data} page={page} />;
    case 'linkedin':
      return <LinkedInPreview data={data} page={page} />;
    case 'facebook':
      return <FacebookPreview data={data} page={page} />;
    case 'instagram':
      return <InstagramPreview data={data} page={page} />;
    case 'newsletter':
      return <NewsletterPreview data={data} page={page} />;
  }
}
