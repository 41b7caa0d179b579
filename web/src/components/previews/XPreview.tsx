import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Actions } from './Icons';
import { LinkCard } from './LinkCard';
import { Picture } from './Picture';
import { PostText } from './PostText';
import type { PreviewData, PreviewPage } from './types';

/** A post in X's timeline: avatar beside the name, @handle and time; text; picture or card. */
export function XPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  const { t } = useTranslation();
  const handle = `@${
    page.name
      .normalize('NFD')
      .replace(/[^A-Za-z0-9_]/g, '')
      .slice(0, 15) || 'page'
  }`;
  return (
    <div className="preview-x-post">
      <Avatar page={page} />
      <div className="preview-x-main">
        <p className="preview-head">
          <strong>{page.name}</strong> <span className="preview-muted">{handle}</span>
          <span className="preview-muted"> · {t('variants.time_now_short')}</span>
        </p>
        <PostText
          text={data.fields.text ?? ''}
          rules={data.rules}
          more=""
          over={t('variants.over_limit')}
        />
        {data.image ? (
          <Picture
            image={data.image}
            ratio={data.rules.image_ratio}
            className="preview-image preview-rounded"
          />
        ) : (
          data.link && <LinkCard link={data.link} ratio={data.rules.image_ratio} variant="x" />
        )}
        <Actions icons={['comment', 'repost', 'like', 'views']} />
      </div>
    </div>
  );
}
