import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContentsWhere } from '../api/collab';
import { useHome } from '../api/home';
import { Alert } from '../components/Alert';
import { useLocale } from '../i18n';
import { roleLabelKey } from '../i18n/keys';
import { genericErrorMessage } from '../lib/errors';
import { formatLongDate, formatRelative } from '../lib/format';
import { dayKey, useTimeZone, weekOf } from '../lib/timeZone';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useShell } from './AppShell';
import { FirstStepsGuide } from './firstday/FirstStepsGuide';
import { canManageWorkspace } from '../lib/permissions';
import { ContentFigure, MyTasks, PendingByTeam, WaitingForMe } from './home/HomeFigures';
import { WeekStrip } from './home/WeekStrip';

/** The workspace's front page: the day's dashboard — the week's publications, what waits for
 * me, my tasks, what is assigned to me, what is late, and for managers the validations pending
 * per team; for a guest, what is shared with them. */
export function HomeScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, membership } = useShell();
  useDocumentTitle(membership.workspace.name);
  const guest = membership.role === 'guest';
  const slug = membership.workspace.slug;
  return (
    <section className="page home">
      <p className="page-date">{formatLongDate(new Date(), locale)}</p>
      <h1>{t('home.welcome', { name: me.user.name })}</h1>
      <p className="lead">
        {t('home.role_in_workspace', {
          workspace: membership.workspace.name,
          role: t(roleLabelKey[membership.role]),
        })}
      </p>
      <FirstStepsGuide slug={slug} admin={canManageWorkspace(membership.role)} />
      <Dashboard slug={slug} guest={guest} />
      {guest ? (
        <SharedWithMe slug={slug} />
      ) : (
        <p>
          <Link to={`/w/${encodeURIComponent(slug)}/contents`}>{t('home.open_contents')}</Link>
        </p>
      )}
    </section>
  );
}

function Dashboard({ slug, guest }: { slug: string; guest: boolean }) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  // The week is counted once per day and zone: a re-render keeps the same query.
  const today = dayKey(new Date(), zone);
  // Recounted when the day (in the zone) or the zone changes, not on every render.
  const days = useMemo(() => weekOf(new Date(), zone), [today, zone]);
  const from = days[0]?.start.toISOString() ?? '';
  const to = days[6]?.end.toISOString() ?? '';
  const home = useHome(slug, from, to, zone);
  if (home.isError) return <Alert>{genericErrorMessage(t, home.error)}</Alert>;
  if (!home.data) return <p className="muted">{t('common.loading')}</p>;
  const data = home.data;
  return (
    <div className="home-dashboard">
      <WeekStrip slug={slug} home={data} days={days} zone={zone} today={today} />
      <div className="home-figures">
        {!guest && <WaitingForMe slug={slug} home={data} />}
        <MyTasks slug={slug} home={data} />
        <ContentFigure
          slug={slug}
          id="home-assigned"
          title={t('home.assigned_title')}
          empty={t('home.assigned_empty')}
          figure={data.assigned}
        />
        <ContentFigure
          slug={slug}
          id="home-late"
          title={t('home.late_title')}
          empty={t('home.late_empty')}
          figure={data.late}
        />
        {data.pending_by_team && <PendingByTeam slug={slug} home={data} />}
      </div>
    </div>
  );
}

/** A guest's contents: the list answers only with what is shared with them. */
function SharedWithMe({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const contents = useContentsWhere(slug, 'limit=50');
  return (
    <section className="shared-with-me" aria-labelledby="shared-with-me">
      <h2 id="shared-with-me">{t('guest.shared_title')}</h2>
      <p className="muted">{t('guest.shared_intro')}</p>
      {contents.isError ? (
        <Alert>{genericErrorMessage(t, contents.error)}</Alert>
      ) : !contents.data ? (
        <p className="muted">{t('common.loading')}</p>
      ) : contents.data.length === 0 ? (
        <p className="muted">{t('guest.shared_empty')}</p>
      ) : (
        <ul className="my-work-list">
          {contents.data.map((item) => (
            <li key={item.id}>
              <Link to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(item.id)}`}>
                {item.title || t('content.untitled')}
              </Link>
              <span className="muted">{item.type.name}</span>
              {item.status && <span className="my-work-status">{item.status.name}</span>}
              <span className="muted">{formatRelative(item.updated_at, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/w/${encodeURIComponent(slug)}/contents`}>{t('home.open_contents')}</Link>
      </p>
    </section>
  );
}
