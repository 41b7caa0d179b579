import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Actions } from './Icons';
import { Picture } from './Picture';
import { PostText } from './PostText';
import { cssRatio } from '../../lib/variants';
import type { PreviewData, PreviewPage } from './types';

/**
 * A post on Instagram: the picture first (4:5), then the caption after the page's name, folded
 * at "… more". Links in a caption are not clickable there, so there is no link card.
 */
export function InstagramPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  const { t } = useTranslation();
  return (
    <div className="preview-feed-post">
      <div className="preview-post-head">
        <Avatar page={page} size={32} />
        <p className="preview-head">
          <strong>{page.name}</strong>
        </p>
      </div>
      {data.image ? (
        <Picture
          image={data.image}
          ratio={data.rules.image_ratio}
          className="preview-image preview-bleed"
        />
      ) : (
        <div
          className="preview-image preview-bleed preview-no-image"
          style={{ aspectRatio: cssRatio(data.rules.image_ratio) ?? undefined }}
        >
          {t('variants.no_visual_instagram')}
        </div>
      )}
      <Actions icons={['like', 'comment', 'share']} />
      <PostText
        text={data.fields.text ?? ''}
        rules={data.rules}
        more={t('variants.more_instagram')}
        lead={<strong>{page.name} </strong>}
      />
    </div>
  );
}
