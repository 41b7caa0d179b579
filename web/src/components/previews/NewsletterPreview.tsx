import { useTranslation } from 'react-i18next';
import { Avatar } from './Avatar';
import { Picture } from './Picture';
import { splitAtHook, textPieces } from '../../lib/variants';
import type { PreviewData, PreviewPage } from './types';

/**
 * The newsletter twice: its line in an inbox (sender, subject cut where inbox lists cut it,
 * preheader after it), then the opened mail (subject, sender, picture, text, a button to the link).
 */
export function NewsletterPreview({ data, page }: { data: PreviewData; page: PreviewPage }) {
  const { t } = useTranslation();
  const subject = data.fields.subject ?? '';
  const preheader = data.fields.preheader ?? '';
  const cut = splitAtHook(subject, { ...data.rules, network: 'newsletter' });
  const paragraphs = (data.fields.text ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '');
  return (
    <div className="preview-mail">
      <div className="preview-inbox" data-testid="preview-inbox">
        <span className="preview-inbox-label preview-muted">{t('variants.inbox')}</span>
        <div className="preview-inbox-row">
          <Avatar page={page} size={32} />
          <div className="preview-inbox-lines">
            <p className="preview-inbox-top">
              <strong>{page.name}</strong>
              <span className="preview-muted">{t('variants.time_now_short')}</span>
            </p>
            <p className="preview-inbox-subject">
              <strong>
                {cut.shown}
                {cut.rest && '…'}
              </strong>
              {preheader && <span className="preview-muted"> – {preheader}</span>}
            </p>
          </div>
        </div>
      </div>
      <div className="preview-mail-open">
        <p className="preview-mail-subject">{subject}</p>
        <p className="preview-muted">{t('variants.mail_from', { name: page.name })}</p>
        {data.image && <Picture image={data.image} ratio={data.rules.image_ratio} />}
        {paragraphs.map((paragraph, index) => (
          <p key={index} className="preview-text">
            {textPieces(paragraph).map((piece, i) =>
              piece.kind === 'url' ? (
                <span key={i} className="preview-entity preview-url">
                  {piece.text}
                </span>
              ) : (
                <span key={i}>{piece.text}</span>
              ),
            )}
          </p>
        ))}
        {data.link && (
          <p>
            <span className="preview-mail-button">{t('variants.read_more')}</span>
          </p>
        )}
      </div>
    </div>
  );
}
