import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { LinkCard } from './LinkCard';
import { Picture } from './Picture';
import { PostText } from './PostText';
import type { PreviewData, PreviewPage } from './types';

/** A company page's post on LinkedIn: header, text folded at "…see more", full-width picture. */
export function LinkedInPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  const { t } = useTranslation();
  return (
    <div className="preview-feed-post">
      <div className="preview-post-head">
        <Avatar page={page} size={48} />
        <p className="preview-head">
          <strong>{page.name}</strong>
          <span className="preview-muted preview-block">{t('variants.time_now_short')} · 🌐</span>
        </p>
      </div>
      <PostText
        text={data.fields.text ?? ''}
        rules={data.rules}
        more={t('variants.more_linkedin')}
      />
      {data.image ? (
        <Picture
          image={data.image}
          ratio={data.rules.image_ratio}
          className="preview-image preview-bleed"
        />
      ) : (
        data.link && <LinkCard link={data.link} ratio={data.rules.image_ratio} variant="linkedin" />
      )}
      <p className="preview-actions preview-muted preview-actions-spread" aria-hidden="true">
        <span>👍</span>
        <span>💬</span>
        <span>🔁</span>
        <span>➤</span>
      </p>
    </div>
  );
}
