import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFirstSteps, useUpdateFirstSteps } from '../../api/firstDay';

/**
 * The owner's first day, on the home page: the three things that make the workspace useful,
 * each ticked from what the workspace holds. Gone once all are done, or when dismissed.
 */
export function FirstStepsGuide({ slug, admin }: { slug: string; admin: boolean }) {
  const { t } = useTranslation();
  const steps = useFirstSteps(slug, admin);
  const update = useUpdateFirstSteps(slug);
  if (!admin || !steps.data || steps.data.done || steps.data.dismissed) return null;
  const base = `/w/${encodeURIComponent(slug)}`;
  const items = [
    {
      key: 'people',
      done: steps.data.people,
      title: t('first_day.step_people'),
      hint: t('first_day.step_people_hint'),
      to: `${base}/settings/members`,
      action: t('first_day.step_people_action'),
    },
    {
      key: 'workflow',
      done: steps.data.workflow,
      title: t('first_day.step_workflow'),
      hint: t('first_day.step_workflow_hint'),
      to: `${base}/settings/workflow`,
      action: t('first_day.step_workflow_action'),
    },
    {
      key: 'content',
      done: steps.data.content,
      title: t('first_day.step_content'),
      hint: t('first_day.step_content_hint'),
      to: `${base}/contents`,
      action: t('first_day.step_content_action'),
    },
  ];
  const count = items.filter((item) => item.done).length;
  return (
    <section className="first-steps card" aria-labelledby="first-steps-title">
      <div className="first-steps-head">
        <h2 id="first-steps-title">{t('first_day.title')}</h2>
        <span className="muted">
          {t('first_day.progress', { done: count, total: items.length })}
        </span>
      </div>
      <p className="muted">{t('first_day.intro')}</p>
      <ol className="first-steps-list">
        {items.map((item) => (
          <li key={item.key} className={item.done ? 'first-step first-step-done' : 'first-step'}>
            <span className="first-step-mark" aria-hidden="true">
              {item.done ? '✓' : '○'}
            </span>
            <div>
              <strong>{item.title}</strong>
              <span className="sr-only">
                {item.done ? t('first_day.step_done') : t('first_day.step_todo')}
              </span>
              <p className="muted">{item.hint}</p>
              {!item.done && <Link to={item.to}>{item.action}</Link>}
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-quiet"
        disabled={update.isPending}
        onClick={() => update.mutate({ dismissed: true })}
      >
        {t('first_day.dismiss')}
      </button>
    </section>
  );
}

/** Ticks the workflow step when an admin opens the workflow's settings (once per visit). */
export function useMarkWorkflowSeen(slug: string) {
  const update = useUpdateFirstSteps(slug);
  const { mutate } = update;
  useEffect(() => {
    mutate({ workflow_seen: true });
  }, [slug, mutate]);
}
