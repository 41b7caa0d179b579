import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspaceLinks } from '../../api/sharing';
import { useMembers } from '../../api/members';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { problemMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { LinkList } from '../sharing/LinkList';

/**
 * Who from outside can read the workspace's contents: every live review link, to close any at
 * once, and the guests (whose roles are managed with the other members).
 */
export function LinksSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const links = useWorkspaceLinks(slug);
  const members = useMembers(slug);
  const guests = (members.data ?? []).filter((m) => m.role === 'guest');
  const base = `/w/${encodeURIComponent(slug)}`;
  return (
    <div className="settings-section">
      <section aria-labelledby="live-links">
        <h2 id="live-links">{t('links.live_workspace')}</h2>
        <p className="muted">{t('links.live_workspace_intro')}</p>
        {links.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : links.isError ? (
          <Alert>{problemMessage(t, links.error)}</Alert>
        ) : (
          <LinkList
            links={links.data}
            showTarget
            contentHref={(id) => `${base}/contents/${encodeURIComponent(id)}`}
          />
        )}
      </section>
      <section aria-labelledby="guests">
        <h2 id="guests">{t('links.guests')}</h2>
        <p className="muted">{t('links.guests_intro')}</p>
        {members.isError ? (
          <Alert>{problemMessage(t, members.error)}</Alert>
        ) : guests.length === 0 ? (
          <p className="muted">{t('links.no_guests')}</p>
        ) : (
          <ul className="share-list">
            {guests.map((guest) => (
              <li key={guest.user_id} className="share-row">
                <div className="share-who">
                  <span className="share-name">{guest.name}</span>
                  <span className="muted">
                    {guest.email} ·{' '}
                    {t('links.guest_since', { date: formatDate(guest.joined_at, locale) })}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${base}/settings/members`}>{t('links.manage_members')}</Link>
        </p>
      </section>
    </div>
  );
}
