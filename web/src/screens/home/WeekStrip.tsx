import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homeLinkPath, type Home } from '../../api/home';
import { useLocale } from '../../i18n';
import { publicationsByDay } from '../../lib/home';
import { formatInZone, type ZonedDay } from '../../lib/timeZone';

/** The week by day (Monday to Sunday in the person's zone), each publication in its channel's
 * colour; today marked. A column per day on a wide screen, a list of days on a phone. */
export function WeekStrip({
  slug,
  home,
  days,
  zone,
  today,
}: {
  slug: string;
  home: Home;
  days: ZonedDay[];
  zone: string;
  today: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byDay = publicationsByDay(days, home.week.publications, zone);
  return (
    <section className="home-week" aria-labelledby="home-week-title">
      <div className="home-section-head">
        <h2 id="home-week-title">{t('home.week_title')}</h2>
        <Link to={homeLinkPath(slug, home.week.link)}>{t('home.week_open_calendar')}</Link>
      </div>
      <ol className="home-week-days">
        {byDay.map((day) => (
          <li
            key={day.key}
            className={day.key === today ? 'home-day home-day-today' : 'home-day'}
            aria-current={day.key === today ? 'date' : undefined}
          >
            <h3 className="home-day-name">
              {formatInZone(day.start, locale, zone, {
                weekday: 'short',
                day: 'numeric',
                month: 'short',
              })}
            </h3>
            {day.publications.length === 0 ? (
              <p className="muted home-day-empty">{t('home.week_day_empty')}</p>
            ) : (
              <ul className="home-day-list">
                {day.publications.map((p) => (
                  <li
                    key={`${p.content.id}:${p.channel?.id ?? ''}`}
                    className={
                      p.late ? 'home-publication home-publication-late' : 'home-publication'
                    }
                    style={{ borderInlineStartColor: p.channel?.color ?? 'var(--border)' }}
                  >
                    <Link
                      to={`/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(p.content.id)}`}
                    >
                      {p.content.title || t('content.untitled')}
                    </Link>
                    <span className="muted home-publication-meta">
                      {formatInZone(new Date(p.at), locale, zone, {
                        hour: '2-digit',
                        minute: '2-digit',
                      })}
                      {' · '}
                      {p.channel ? p.channel.name : t('home.week_no_channel')}
                      {p.late && <> · {t('home.late_badge')}</>}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
