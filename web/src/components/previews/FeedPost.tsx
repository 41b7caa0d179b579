import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Actions, Icon, type IconName } from './Icons';
import { LinkCard } from './LinkCard';
import { Picture } from './Picture';
import { PostText } from './PostText';
import type { PreviewData, PreviewPage } from './types';

/** How LinkedIn and Facebook differ in drawing a page's post: the rest is the same feed card. */
const FEEDS = {
  linkedin: {
    avatar: 48,
    more: 'variants.more_linkedin',
    icons: ['thumb', 'comment', 'repost', 'share'],
  },
  facebook: {
    avatar: undefined,
    more: 'variants.more_facebook',
    icons: ['thumb', 'comment', 'share'],
  },
} as const satisfies Record<string, { avatar?: number; more: string; icons: readonly IconName[] }>;

/**
 * A page's post in a LinkedIn or Facebook feed: header, text folded where the network shows
 * "…see more", then the full-width picture or the link card.
 */
export function FeedPost({
  network,
  data,
  page,
}: {
  network: keyof typeof FEEDS;
  data: PreviewData;
  page: PreviewPage;
}) {
  const { t } = useTranslation();
  const feed = FEEDS[network];
  return (
    <div className="preview-feed-post">
      <div className="preview-post-head">
        <Avatar page={page} size={feed.avatar} />
        <p className="preview-head">
          <strong>{page.name}</strong>
          <span className="preview-muted preview-block">
            {t('variants.time_now_short')} · <Icon name="globe" size={12} />
          </span>
        </p>
      </div>
      <PostText text={data.fields.text ?? ''} rules={data.rules} more={t(feed.more)} />
      {data.image ? (
        <Picture
          image={data.image}
          ratio={data.rules.image_ratio}
          className="preview-image preview-bleed"
        />
      ) : (
        data.link && <LinkCard link={data.link} ratio={data.rules.image_ratio} variant={network} />
      )}
      <Actions icons={[...feed.icons]} spread />
    </div>
  );
}
