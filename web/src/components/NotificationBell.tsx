import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifications, useReadNotification, type CollabNotification } from '../api/collab';
import type { Membership } from '../api/types';
import { useLocale } from '../i18n';
import { formatRelative } from '../lib/format';
import { notificationMessage, threadQuery } from '../lib/notifications';
import { Popover } from './Popover';

/** The bell in the top bar: how many notifications are unread, and the latest ones in words. */
export function NotificationBell({ memberships }: { memberships: Membership[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const notifications = useNotifications();
  const read = useReadNotification();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const linkOf = (n: CollabNotification) => {
    const slug = memberships.find((m) => m.workspace.id === n.workspace_id)?.workspace.slug;
    if (slug && n.kind === 'webhook_paused')
      return `/w/${encodeURIComponent(slug)}/settings/webhooks`;
    if (!slug || !n.content) return null;
    // A mention or a reply opens the content at its thread.
    return `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(n.content.id)}${threadQuery(n)}`;
  };

  return (
    <div className="notification-bell">
      <Popover
        align="end"
        title={t('collab.notifications')}
        ariaLabel={
          unread > 0 ? t('collab.bell_unread', { count: unread }) : t('collab.notifications')
        }
        active={unread > 0}
        label={
          <>
            <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                fill="currentColor"
                d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
              />
            </svg>
            {unread > 0 && (
              <span className="bell-count" aria-hidden="true">
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </>
        }
      >
        {(close) => (
          <div className="notification-list">
            <div className="notification-list-head">
              <strong>{t('collab.notifications')}</strong>
              {unread > 0 && (
                <button
                  type="button"
                  className="link-button"
                  disabled={read.isPending}
                  onClick={() => read.mutate('all')}
                >
                  {t('collab.mark_all_read')}
                </button>
              )}
            </div>
            {items.length === 0 && <p className="muted">{t('collab.no_notifications')}</p>}
            <ul>
              {items.map((n) => {
                const { key, values } = notificationMessage(n);
                const text = String(t(key, values));
                const to = linkOf(n);
                const open = () => {
                  if (!n.read) read.mutate(n.id);
                  close();
                };
                return (
                  <li
                    key={n.id}
                    className={n.read ? 'notification' : 'notification notification-unread'}
                  >
                    {to ? (
                      <Link to={to} onClick={open}>
                        {text}
                      </Link>
                    ) : (
                      <span>{text}</span>
                    )}
                    <span className="muted">{formatRelative(n.created_at, locale)}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </Popover>
    </div>
  );
}
