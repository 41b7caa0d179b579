import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRevokeLink, type ReviewLink } from '../../api/sharing';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { linkLevelKey } from '../../i18n/keys';
import { problemMessage } from '../../lib/errors';
import { formatDate, formatRelative } from '../../lib/format';

/** Live review links: what each shows and lets do, until when, last use, and Revoke. */
export function LinkList({
  links,
  showTarget = false,
  contentHref,
}: {
  links: ReviewLink[];
  /** Name what each link shows (the workspace's list). */
  showTarget?: boolean;
  contentHref?: (id: string) => string;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeLink();
  if (links.length === 0) return <p className="muted">{t('links.none')}</p>;
  return (
    <>
      {revoke.isError && <Alert>{problemMessage(t, revoke.error)}</Alert>}
      <ul className="share-list link-list">
        {links.map((link) => (
          <LinkRow
            key={link.id}
            link={link}
            showTarget={showTarget}
            contentHref={contentHref}
            busy={revoke.isPending && revoke.variables === link.id}
            onRevoke={() => revoke.mutate(link.id)}
          />
        ))}
      </ul>
    </>
  );
}

function LinkRow({
  link,
  showTarget,
  contentHref,
  busy,
  onRevoke,
}: {
  link: ReviewLink;
  showTarget: boolean;
  contentHref: ((id: string) => string) | undefined;
  busy: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const name = link.label || t('links.unnamed');
  return (
    <li className="share-row" data-testid="review-link">
      <div className="share-who">
        <span className="share-name">
          {link.has_password && (
            <span className="link-lock" role="img" aria-label={t('links.password_protected')}>
              🔒{' '}
            </span>
          )}
          {name}
        </span>
        {showTarget && (
          <span className="muted">
            {link.content ? (
              contentHref ? (
                <Link to={contentHref(link.content.id)}>{link.content.title}</Link>
              ) : (
                link.content.title
              )
            ) : link.project ? (
              t('links.project', { name: link.project.name })
            ) : null}
          </span>
        )}
        <span className="muted">
          {t('links.summary', {
            level: t(linkLevelKey[link.level]),
            date: formatDate(link.expires_at, locale),
          })}
          {' · '}
          {link.last_used_at
            ? t('links.last_used', { when: formatRelative(link.last_used_at, locale) })
            : t('links.never_used')}
          {showTarget && link.created_by && (
            <>
              {' · '}
              {t('links.created_by', { name: link.created_by.name })}
            </>
          )}
        </span>
      </div>
      {confirming ? (
        <span className="share-actions">
          <button type="button" className="button button-danger" disabled={busy} onClick={onRevoke}>
            {t('links.revoke_confirm')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setConfirming(false)}
          >
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="button button-danger-quiet"
          aria-label={t('links.revoke_named', { name })}
          onClick={() => setConfirming(true)}
        >
          {t('links.revoke')}
        </button>
      )}
    </li>
  );
}
