import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Content, ContentType, Team } from '../../api/types';
import { useContentActivity } from '../../api/workflow';
import { Alert } from '../../components/Alert';
import { useLocale } from '../../i18n';
import type { TranslationKey } from '../../i18n/keys';
import { describeEvent, type ActivityContext } from '../../lib/activity';
import { formatEventTime, formatList } from '../../lib/format';

const metaLabel: Record<string, TranslationKey> = {
  title: 'content.title',
  channels: 'content.channels',
  tags: 'content.tags',
  project: 'content.project',
  owner: 'content.owner',
  assignees: 'content.assignees',
  due_at: 'content.due_at',
  publish_at: 'content.publish_at',
  language: 'content.language',
};

/** The content's audit trail, newest first, one sentence per event. */
export function ActivityPanel({
  content,
  type,
  teams,
}: {
  content: Content;
  type: ContentType | undefined;
  teams: Team[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const activity = useContentActivity(content.id);

  // Each change of the content is an event: read again when the version moves on.
  const { refetch } = activity;
  useEffect(() => {
    void refetch();
  }, [content.version, refetch]);

  const context: ActivityContext = {
    teamName: (id) => teams.find((team) => team.id === id)?.name ?? t('activity.deleted_team'),
    fieldLabel: (key) => {
      const field = key.startsWith('fields.') ? key.slice('fields.'.length) : key;
      const meta = metaLabel[field];
      if (meta && !key.startsWith('fields.')) return t(meta);
      return type?.fields.find((f) => f.key === field)?.label ?? field;
    },
    list: (names) => formatList(names, locale),
  };

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
