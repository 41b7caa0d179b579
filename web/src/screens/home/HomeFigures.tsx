import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  homeLinkPath,
  type Home,
  type HomeContent,
  type HomeFigure,
  type HomeLink,
} from '../../api/home';
import { useLocale } from '../../i18n';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { waitingFor } from '../../lib/home';

const contentPath = (slug: string, id: string) =>
  `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(id)}`;

/** A figure: its title, its count as a link to the filtered screen behind it, and its rows. */
function Figure({
  slug,
  id,
  title,
  total,
  link,
  empty,
  children,
}: {
  slug: string;
  id: string;
  title: string;
  total: number;
  link: HomeLink;
  empty: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="home-figure" aria-labelledby={id}>
      <div className="home-section-head">
        <h2 id={id}>{title}</h2>
        <Link
          className="home-count"
          to={homeLinkPath(slug, link)}
          aria-label={t('home.see_all', { count: total, title })}
        >
          {formatNumber(total, locale)}
        </Link>
      </div>
      {total === 0 ? <p className="muted">{empty}</p> : children}
    </section>
  );
}

function ContentRows({ slug, items }: { slug: string; items: HomeContent[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="my-work-list">
      {items.map((item) => (
        <li key={item.id}>
          <Link to={contentPath(slug, item.id)}>{item.title || t('content.untitled')}</Link>
          {item.status && <span className="my-work-status">{item.status.name}</span>}
          {item.publish_at && (
            <span className={item.late ? 'my-work-badge-overdue' : 'muted'}>
              {item.late
                ? t('home.late_since', { date: formatDate(item.publish_at, locale) })
                : t('home.publish_on', { date: formatDate(item.publish_at, locale) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Wait({ seconds }: { seconds: number }) {
  const { t } = useTranslation();
  const { value, unit } = waitingFor(seconds);
  return <>{t(unit === 'day' ? 'home.waiting_days' : 'home.waiting_hours', { count: value })}</>;
}

export function WaitingForMe({ slug, home }: { slug: string; home: Home }) {
  const { t } = useTranslation();
  const figure = home.waiting_for_me;
  const now = Date.parse(home.now);
  return (
    <Figure
      slug={slug}
      id="home-waiting"
      title={t('home.waiting_title')}
      total={figure.total}
      link={figure.link}
      empty={t('home.waiting_empty')}
    >
      <ul className="my-work-list">
        {figure.items.map((w) => (
          <li key={`${w.content.id}:${w.team.id}`}>
            <Link to={contentPath(slug, w.content.id)}>
              {w.content.title || t('content.untitled')}
            </Link>
            <span className="muted">{t('home.waiting_for_team', { team: w.team.name })}</span>
            <span className="muted">
              <Wait seconds={Math.max(0, (now - Date.parse(w.since)) / 1000)} />
            </span>
          </li>
        ))}
      </ul>
    </Figure>
  );
}

export function MyTasks({ slug, home }: { slug: string; home: Home }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const figure = home.tasks;
  return (
    <Figure
      slug={slug}
      id="home-tasks"
      title={t('home.tasks_title')}
      total={figure.total}
      link={figure.link}
      empty={t('home.tasks_empty')}
    >
      <ul className="my-work-list">
        {figure.items.map((task) => (
          <li key={task.id} className={task.overdue ? 'my-work-overdue' : undefined}>
            <span>{task.title}</span>
            <span className={task.overdue ? 'my-work-badge-overdue' : 'muted'}>
              {t(task.overdue ? 'my_work.overdue' : 'my_work.due', {
                date: formatDateTime(task.due_at, locale),
              })}
            </span>
            {task.content && (
              <Link to={contentPath(slug, task.content.id)} className="my-work-content-link">
                {task.content.title || t('content.untitled')}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </Figure>
  );
}

export function ContentFigure({
  slug,
  id,
  title,
  empty,
  figure,
}: {
  slug: string;
  id: string;
  title: string;
  empty: string;
  figure: HomeFigure<HomeContent>;
}) {
  return (
    <Figure slug={slug} id={id} title={title} total={figure.total} link={figure.link} empty={empty}>
      <ContentRows slug={slug} items={figure.items} />
    </Figure>
  );
}

export function PendingByTeam({ slug, home }: { slug: string; home: Home }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const teams = home.pending_by_team ?? [];
  return (
    <section className="home-figure" aria-labelledby="home-pending">
      <h2 id="home-pending">{t('home.pending_title')}</h2>
      {teams.length === 0 ? (
        <p className="muted">{t('home.pending_empty')}</p>
      ) : (
        <table className="home-pending-table">
          <thead>
            <tr>
              <th scope="col">{t('home.pending_team')}</th>
              <th scope="col">{t('home.pending_count')}</th>
              <th scope="col">{t('home.pending_oldest')}</th>
            </tr>
          </thead>
          <tbody>
            {teams.map((p) => (
              <tr key={p.team.id}>
                <th scope="row">{p.team.name}</th>
                <td>
                  <Link
                    to={homeLinkPath(slug, p.link)}
                    aria-label={t('home.pending_link', { count: p.total, team: p.team.name })}
                  >
                    {formatNumber(p.total, locale)}
                  </Link>
                </td>
                <td>
                  <Wait seconds={p.waiting_seconds} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
