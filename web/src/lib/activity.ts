import type { TFunction } from 'i18next';
import type { ActivityEvent, FieldDef, Team } from '../api/types';
import { linkLevelKey, roleLabelKey, type TranslationKey } from '../i18n/keys';
import { formatList } from './format';

// The audit trail in words: each event becomes one catalog sentence and its values, so a person
// reads "Legal (Claire Dubois) approved revision 7" where the API says approval.given.

/** What the sentences need to name things the events only hold ids of. */
export interface ActivityContext {
  teamName: (id: string) => string;
  /** A changed property ("title", "fields.lead", "due_at") as the user knows it. */
  fieldLabel: (key: string) => string;
  /** "Legal and Communication", in the user's language. */
  list: (names: string[]) => string;
  /** A member by user id ("a former member" when gone). */
  personName?: (id: string) => string;
  /** A project by id ("a project" when unknown to the reader). */
  projectName?: (id: string) => string;
  /** A role ("editor") or a share level ("comment") in the user's words. */
  roleName?: (role: string) => string;
  levelName?: (level: string) => string;
}

/** Who and what the workspace's sentences name besides teams: members and projects. */
export interface ActivityNames {
  members?: { user_id: string; name: string }[];
  projects?: { id: string; name: string }[];
}

export interface Sentence {
  key: TranslationKey;
  values: Record<string, string | number>;
  /** A remark the person left with the change, shown as a quote under the sentence. */
  comment?: string;
}

// The content's own properties, as the content page labels them.
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

/**
 * The names the sentences need: teams by id, and a changed property by its label, looked up in
 * `fields` (one content type's on its page; every type's for the workspace's activity).
 */
export function activityContext(
  t: TFunction,
  locale: string,
  teams: Team[],
  fields: FieldDef[],
  names: ActivityNames = {},
): ActivityContext {
  return {
    personName: (id) =>
      names.members?.find((member) => member.user_id === id)?.name ?? t('events.someone'),
    projectName: (id) =>
      names.projects?.find((project) => project.id === id)?.name ?? t('events.a_project'),
    roleName: (role) =>
      role in roleLabelKey ? t(roleLabelKey[role as keyof typeof roleLabelKey]) : role,
    levelName: (level) =>
      level in linkLevelKey ? t(linkLevelKey[level as keyof typeof linkLevelKey]) : level,
    teamName: (id) => teams.find((team) => team.id === id)?.name ?? t('activity.deleted_team'),
    fieldLabel: (key) => {
      const custom = key.startsWith('fields.');
      const field = custom ? key.slice('fields.'.length) : key;
      const meta = metaLabel[field];
      if (meta && !custom) return t(meta);
      return fields.find((f) => f.key === field)?.label ?? field;
    },
    list: (names) => formatList(names, locale),
  };
}

/**
 * Whether an event is about a content (its subject is then the content's id). A task's event is
 * when the task is on a content: its subject is then that content, not the task.
 */
export function isAboutContent(event: Pick<ActivityEvent, 'kind' | 'subject' | 'data'>): boolean {
  if (event.kind.startsWith('task.'))
    return event.subject !== null && event.subject !== event.data.task;
  // A review link's opening names a content or a project, which its event does not tell apart.
  return /^(content|approval|revision|comment|attachment)\./.test(event.kind);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** One event as a sentence. */
export function describeEvent(event: ActivityEvent, context: ActivityContext): Sentence {
  const { data } = event;
  const actor = event.actor.name;
  const revision = num(data.revision);
  const comment = str(data.comment) || undefined;
  const withComment = (sentence: Sentence): Sentence =>
    comment ? { ...sentence, comment } : sentence;
  switch (event.kind) {
    case 'content.created':
      return { key: 'activity.created', values: { actor } };
    case 'content.updated': {
      const fields = context.list(strings(data.changed).map(context.fieldLabel));
      return data.text_changed === true
        ? { key: 'activity.edited', values: { actor, fields, revision } }
        : { key: 'activity.changed', values: { actor, fields } };
    }
    case 'content.archived':
      return { key: 'activity.archived', values: { actor } };
    case 'content.unarchived':
      return { key: 'activity.unarchived', values: { actor } };
    case 'content.restored':
      return {
        key: 'activity.restored',
        values: { actor, from: num(data.restored_from), revision },
      };
    case 'content.status_changed': {
      const status = str(data.to_name);
      if (data.reason === 'status_deleted') {
        return { key: 'activity.moved_status_deleted', values: { actor, status } };
      }
      const missing = strings(data.missing_approvals);
      if (missing.length > 0) {
        return withComment({
          key: 'activity.moved_without',
          values: { actor, status, teams: context.list(missing.map(context.teamName)) },
        });
      }
      return withComment({ key: 'activity.moved', values: { actor, status } });
    }
    case 'approval.given':
      // Through a review link: a visitor, for no team.
      if (str(data.link) !== '') {
        return withComment({
          key: data.decision === 'approved' ? 'events.link_approved' : 'events.link_changes',
          values: { visitor: str(data.visitor) || actor, revision },
        });
      }
      return withComment({
        key: data.decision === 'approved' ? 'activity.approved' : 'activity.changes_requested',
        values: { team: context.teamName(str(data.team)), actor, revision },
      });
    case 'approval.stale':
      return {
        key: 'activity.stale',
        values: { revision, teams: context.list(strings(data.teams).map(context.teamName)) },
      };
    case 'content.locked':
      return { key: 'activity.locked', values: { actor, reason: str(data.reason) } };
    case 'content.unlocked':
      return { key: 'activity.unlocked', values: { actor } };
    case 'content.channel_planned':
      return data.planned_at === null || data.planned_at === undefined
        ? {
            key: 'publication_events.plan_cleared',
            values: { actor, channel: str(data.channel_name) },
          }
        : { key: 'publication_events.planned', values: { actor, channel: str(data.channel_name) } };
    case 'content.channel_published':
      return data.url
        ? {
            key: 'publication_events.published_at_url',
            values: { actor, channel: str(data.channel_name), url: str(data.url) },
          }
        : {
            key: 'publication_events.published',
            values: { actor, channel: str(data.channel_name) },
          };
    case 'content.channel_unpublished':
      return {
        key: 'publication_events.unpublished',
        values: { actor, channel: str(data.channel_name) },
      };
    case 'content.translation_linked':
      return {
        key: data.created ? 'translations.event_created' : 'translations.event_linked',
        values: { actor, source: str(data.source_title) },
      };
    case 'content.translation_unlinked':
      return {
        key: 'translations.event_unlinked',
        values: { actor, source: str(data.source_title) },
      };
    case 'content.translation_synced':
      return {
        key: 'translations.event_synced',
        values: { actor, revision: num(data.synced_revision) },
      };
    case 'revision.labelled':
      return data.label
        ? { key: 'activity.labelled', values: { actor, revision, label: str(data.label) } }
        : { key: 'activity.unlabelled', values: { actor, revision } };
    default:
      return (
        describeOtherEvent(event, context) ?? {
          key: 'activity.other',
          values: { actor, kind: event.kind },
        }
      );
  }
}

/** The host a webhook event names (older events kept the whole URL: only its host is shown). */
function webhookHost(data: Record<string, unknown>): string {
  const raw = str(data.host) || str(data.url);
  try {
    return new URL(raw).host || raw;
  } catch {
    return raw;
  }
}

/**
 * The events around the contents: comments, tasks, sharing, and the workspace's own settings
 * and people. Null for a kind the app does not know yet.
 */
function describeOtherEvent(event: ActivityEvent, context: ActivityContext): Sentence | null {
  const { data } = event;
  const actor = event.actor.name;
  const person = (id: unknown) => context.personName?.(str(id)) ?? '';
  const role = (value: unknown) => context.roleName?.(str(value)) ?? str(value);
  const level = (value: unknown) => context.levelName?.(str(value)) ?? str(value);
  const name = str(data.name);
  const task = str(data.title);
  // Shared with a person or a team.
  const who = () => (data.team ? context.teamName(str(data.team)) : person(data.user));
  const project = () => context.projectName?.(event.subject ?? '') ?? '';
  const label = str(data.label);
  switch (event.kind) {
    case 'content.purged':
      return { key: 'events.content_purged', values: { actor, title: str(data.title) } };
    case 'content.shared':
      return {
        key: 'events.content_shared',
        values: { actor, who: who(), level: level(data.level) },
      };
    case 'content.share_pending':
      return {
        key: 'events.content_share_pending',
        values: { actor, email: str(data.email), level: level(data.level) },
      };
    case 'content.unshared':
      return { key: 'events.content_unshared', values: { actor, who: who() } };
    case 'content.link_created':
      return label
        ? { key: 'events.link_created_named', values: { actor, label, level: level(data.level) } }
        : { key: 'events.link_created', values: { actor, level: level(data.level) } };
    case 'content.link_revoked':
      return label
        ? { key: 'events.link_revoked_named', values: { actor, label } }
        : { key: 'events.link_revoked', values: { actor } };
    case 'link.opened':
      return str(data.visitor)
        ? { key: 'events.link_opened_by', values: { visitor: str(data.visitor) } }
        : { key: 'events.link_opened', values: {} };
    case 'project.created':
      return { key: 'events.project_created', values: { actor, name } };
    case 'project.updated':
      return { key: 'events.project_updated', values: { actor, name } };
    case 'project.archived':
      return { key: 'events.project_archived', values: { actor, name } };
    case 'project.unarchived':
      return { key: 'events.project_unarchived', values: { actor, name } };
    case 'project.shared':
      return {
        key: 'events.project_shared',
        values: { actor, project: project(), who: who(), level: level(data.level) },
      };
    case 'project.unshared':
      return { key: 'events.project_unshared', values: { actor, project: project(), who: who() } };
    case 'project.link_created':
      return {
        key: 'events.project_link_created',
        values: { actor, project: project(), level: level(data.level) },
      };
    case 'project.link_revoked':
      return { key: 'events.project_link_revoked', values: { actor, project: project() } };
    case 'attachment.added':
      return { key: 'files.event_added', values: { actor, name } };
    case 'attachment.removed':
      return { key: 'files.event_removed', values: { actor, name } };
    case 'attachment.updated':
      // A new text alternative names its file; a file moved in the list does not.
      return name && 'alt' in data
        ? { key: 'files.event_alt', values: { actor, name } }
        : { key: 'files.event_updated', values: { actor } };
    case 'media.version_added':
      return {
        key: 'files.event_version',
        values: { actor, name, version: num(data.media_version ?? data.version) },
      };
    case 'media.created':
      return { key: 'files.event_media_created', values: { actor, name } };
    case 'media.updated':
      return { key: 'files.event_media_updated', values: { actor, name } };
    case 'media.deleted':
      return { key: 'files.event_media_deleted', values: { actor, name } };
    case 'comment.created':
      return data.parent
        ? { key: 'events.comment_replied', values: { actor } }
        : { key: 'events.comment_created', values: { actor } };
    case 'comment.updated':
      return { key: 'events.comment_updated', values: { actor } };
    case 'comment.deleted':
      return { key: 'events.comment_deleted', values: { actor } };
    case 'comment.resolved':
      return { key: 'events.comment_resolved', values: { actor } };
    case 'comment.reopened':
      return { key: 'events.comment_reopened', values: { actor } };
    case 'comment.anchor_removed':
      return {
        key: 'events.comment_anchor_removed',
        values: {
          field: context.fieldLabel(`fields.${str(data.field)}`),
          revision: num(data.revision),
        },
      };
    case 'task.created':
      return { key: 'events.task_created', values: { actor, task } };
    case 'task.updated':
      return { key: 'events.task_updated', values: { actor, task } };
    case 'task.completed':
      return { key: 'events.task_completed', values: { actor, task } };
    case 'task.reopened':
      return { key: 'events.task_reopened', values: { actor, task } };
    case 'task.deleted':
      return { key: 'events.task_deleted', values: { actor, task } };
    case 'task_list.created':
      return { key: 'events.task_list_created', values: { actor, name } };
    case 'task_list.updated':
      return { key: 'events.task_list_updated', values: { actor, name } };
    case 'task_list.deleted':
      return { key: 'events.task_list_deleted', values: { actor, name } };
    case 'view.created':
      return data.shared === true
        ? { key: 'events.view_created_shared', values: { actor, name } }
        : { key: 'events.view_created', values: { actor, name } };
    case 'view.updated':
      return { key: 'events.view_updated', values: { actor, name } };
    case 'view.deleted':
      return { key: 'events.view_deleted', values: { actor, name } };
    case 'channel.created':
      return { key: 'events.channel_created', values: { actor, name } };
    case 'channel.updated':
      return { key: 'events.channel_updated', values: { actor, name } };
    case 'channel.deleted':
      return { key: 'events.channel_deleted', values: { actor, name } };
    case 'type.created':
      return { key: 'events.type_created', values: { actor, name } };
    case 'type.updated':
      return { key: 'events.type_updated', values: { actor, name } };
    case 'type.deleted':
      return { key: 'events.type_deleted', values: { actor, name: name || str(data.key) } };
    case 'workflow.updated':
      return { key: 'events.workflow_updated', values: { actor } };
    case 'workspace.created':
      return { key: 'events.workspace_created', values: { actor, name } };
    case 'workspace.updated':
      return { key: 'events.workspace_updated', values: { actor, name } };
    case 'member.added':
      return actor
        ? {
            key: 'events.member_added',
            values: { actor, person: person(event.subject), role: role(data.role) },
          }
        : {
            key: 'events.member_added_by_admin',
            values: { person: person(event.subject), role: role(data.role) },
          };
    case 'member.invited':
      return {
        key: 'events.member_invited',
        values: { actor, email: str(data.email), role: role(data.role) },
      };
    case 'member.invitation_revoked':
      return { key: 'events.member_invitation_revoked', values: { actor, email: str(data.email) } };
    case 'member.password_reset_link':
      return {
        key: 'events.member_password_reset_link',
        values: { actor, person: person(event.subject) },
      };
    case 'member.joined':
      return { key: 'events.member_joined', values: { actor, role: role(data.role) } };
    case 'member.left':
      return { key: 'events.member_left', values: { actor } };
    case 'member.removed':
      return { key: 'events.member_removed', values: { actor, person: person(event.subject) } };
    case 'member.role_changed':
      return {
        key: 'events.member_role_changed',
        values: {
          actor,
          person: person(event.subject),
          from: role(data.from),
          role: role(data.to),
        },
      };
    // A webhook's receiver is named by its host only: the full URL is a secret of the admins.
    case 'webhook.created':
      return { key: 'events.webhook_created', values: { actor, host: webhookHost(data) } };
    case 'webhook.updated':
      return { key: 'events.webhook_updated', values: { actor, host: webhookHost(data) } };
    case 'webhook.deleted':
      return { key: 'events.webhook_deleted', values: { actor, host: webhookHost(data) } };
    case 'team.created':
      return { key: 'events.team_created', values: { actor, name } };
    case 'team.renamed':
      return { key: 'events.team_renamed', values: { actor, name } };
    case 'team.deleted':
      return { key: 'events.team_deleted', values: { actor } };
    case 'team.members_set': {
      const people = strings(data.members).map((id) => person(id));
      return people.length > 0
        ? {
            key: 'events.team_members_set',
            values: {
              actor,
              team: context.teamName(event.subject ?? ''),
              people: context.list(people),
            },
          }
        : {
            key: 'events.team_emptied',
            values: { actor, team: context.teamName(event.subject ?? '') },
          };
    }
    default:
      return null;
  }
}
