import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Actions, Icon } from './Icons';
import { LinkCard } from './LinkCard';
import { Picture } from './Picture';
import { PostText } from './PostText';
import type { PreviewData, PreviewPage } from './types';

/** A page's post on Facebook: header, text folded at "See more", picture or link card. */
export function FacebookPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  const { t } = useTranslation();
  return (
    <div className="preview-feed-post">
      <div className="preview-post-head">
        <Avatar page={page} />
        <p className="preview-head">
          <strong>{page.name}</strong>
          <span className="preview-muted preview-block">
            {t('variants.time_now_short')} · <Icon name="globe" size={12} />
          </span>
        </p>
      </div>
      <PostText
        text={data.fields.text ?? ''}
        rules={data.rules}
        more={t('variants.more_facebook')}
      />
      {data.image ? (
        <Picture
          image={data.image}
          ratio={data.rules.image_ratio}
          className="preview-image preview-bleed"
        />
      ) : (
        data.link && <LinkCard link={data.link} ratio={data.rules.image_ratio} variant="facebook" />
      )}
      <Actions icons={['thumb', 'comment', 'share']} spread />
    </div>
  );
}
