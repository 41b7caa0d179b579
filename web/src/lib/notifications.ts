import type { CollabNotification } from '../api/collab';
import type { TranslationKey } from '../i18n/keys';

/** What a notification says: its catalog key and the values it needs. */
export function notificationMessage(n: CollabNotification): {
  key: TranslationKey;
  values: Record<string, string | number>;
} {
  const actor = n.actor?.name ?? '';
  const title = n.content?.title ?? '';
  const data = n.data;
  const text = (name: string) => (typeof data[name] === 'string' ? data[name] : '');
  const values = {
    actor,
    title,
    task: text('task_title'),
    team: text('team_name'),
    status: text('status_name'),
  };
  switch (n.kind) {
    case 'mentioned':
      return { key: 'collab.notif_mentioned', values };
    case 'reply':
      return { key: 'collab.notif_reply', values };
    case 'assigned':
      return {
        key: text('target') === 'task' ? 'collab.notif_assigned_task' : 'collab.notif_assigned',
        values,
      };
    case 'approval_requested':
      return { key: 'collab.notif_approval_requested', values };
    case 'decision':
      if (text('link') !== '') {
        return {
          key:
            text('decision') === 'approved'
              ? 'collab.notif_decision_link_approved'
              : 'collab.notif_decision_link_changes',
          values,
        };
      }
      return {
        key:
          text('decision') === 'approved'
            ? 'collab.notif_decision_approved'
            : text('decision') === 'changes_requested'
              ? 'collab.notif_decision_changes'
              : 'collab.notif_decision',
        values,
      };
    case 'approval_stale':
      // Told to the approver: for which team, and who changed the text. Notifications stored
      // before the server kept the team's name say it without.
      return {
        key: values.team ? 'collab.notif_approval_stale' : 'stale_approval.notification_no_team',
        values,
      };
    case 'task_due':
      return { key: 'collab.notif_task_due', values };
    case 'task_overdue':
      return { key: 'collab.notif_task_overdue', values };
    case 'shared':
      return { key: 'collab.notif_shared', values };
    case 'publication_near':
      return { key: 'reminders.notif_publication_near', values };
    case 'webhook_paused':
      return { key: 'webhooks.notif_paused', values: { ...values, host: text('host') } };
    default:
      return { key: 'collab.notif_other', values };
  }
}

/** The query that opens a content at the thread a mention or a reply is in (or nothing). */
export function threadQuery(n: CollabNotification): string {
  const thread = n.data.thread_id;
  return typeof thread === 'string' && (n.kind === 'mentioned' || n.kind === 'reply')
    ? `?thread=${encodeURIComponent(thread)}`
    : '';
}
