import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Content, ContentType, Member, Team } from '../../api/types';
import { useContentActivity } from '../../api/workflow';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import { activityContext, describeEvent } from '../../lib/activity';
import { formatEventTime } from '../../lib/format';

/** The content's audit trail, newest first, one sentence per event. */
export function ActivityPanel({
  content,
  type,
  teams,
  members = [],
}: {
  content: Content;
  type: ContentType | undefined;
  teams: Team[];
  /** To name the people a sharing event names. */
  members?: Member[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const activity = useContentActivity(content.id);

  // Each change of the content is an event: read again when the version moves on.
  const { refetch } = activity;
  useEffect(() => {
    void refetch();
  }, [content.version, refetch]);

  const context = activityContext(t, locale, teams, type?.fields ?? [], { members });

  if (activity.data === undefined) {
    if (activity.isError) return <Alert>{t('activity.load_failed')}</Alert>;
    return <p className="muted">{t('common.loading')}</p>;
  }
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      {activity.data.length === 0 && <p className="muted">{t('activity.empty')}</p>}
      <ol className="activity-list">
        {activity.data.map((event) => {
          const sentence = describeEvent(event, context);
          return (
            <li key={event.seq} className={`activity-item activity-${event.kind.split('.')[0]}`}>
              <span className="activity-line">
                {t('activity.line', {
                  what: t(sentence.key, sentence.values),
                  when: formatEventTime(event.at, locale),
                })}
              </span>
              {sentence.comment && <q className="activity-comment">{sentence.comment}</q>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
