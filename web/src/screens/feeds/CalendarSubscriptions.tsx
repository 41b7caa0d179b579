import { useTranslation } from 'react-i18next';
import { useFeeds, useRevokeFeed, type CalendarFeed } from '../../api/feeds';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable } from '../../components/DataTable';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

/** The account page's calendar subscriptions: where each comes from, its use, revoke. */
export function CalendarSubscriptions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const feeds = useFeeds();
  const revoke = useRevokeFeed();
  const label = (feed: CalendarFeed) =>
    feed.kind === 'my_work' ? t('feeds.kind_my_work') : feed.label;
  return (
    <section className="account-section" aria-labelledby="feeds-title">
      <h2 id="feeds-title">{t('feeds.title')}</h2>
      <p className="muted">{t('feeds.account_intro')}</p>
      {(feeds.isError || revoke.isError) && (
        <Alert>{genericErrorMessage(t, feeds.error ?? revoke.error)}</Alert>
      )}
      {feeds.isSuccess && feeds.data.length === 0 && <p>{t('feeds.none')}</p>}
      {(feeds.data ?? []).length > 0 && (
        <DataTable
          columns={[
            t('feeds.col_calendar'),
            t('feeds.col_workspace'),
            t('feeds.col_created'),
            t('feeds.col_last_used'),
          ]}
          actions
        >
          {(feeds.data ?? []).map((feed) => (
            <tr key={feed.id}>
              <td>
                {label(feed)}
                {feed.kind !== 'my_work' && (
                  <span className="badge">{t(`feeds.kind_badge_${feed.kind}`)}</span>
                )}
              </td>
              <td>{feed.workspace.name}</td>
              <td>{formatDateTime(feed.created_at, locale)}</td>
              <td>
                {feed.last_used_at
                  ? formatDateTime(feed.last_used_at, locale)
                  : t('feeds.never_used')}
              </td>
              <td className="row-actions">
                <ConfirmButton
                  label={t('feeds.revoke')}
                  ariaLabel={t('feeds.revoke_named', { name: label(feed) })}
                  title={t('feeds.revoke_title', { name: label(feed) })}
                  body={<p>{t('feeds.revoke_body')}</p>}
                  onConfirm={(done) => revoke.mutate(feed.id, { onSettled: done })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
