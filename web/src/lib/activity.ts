import type { TFunction } from 'i18next';
import type { ActivityEvent, FieldDef, Team } from '../api/types';
import type { TranslationKey } from '../i18n/keys';
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
): ActivityContext {
  return {
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

/** Whether an event is about a content (its subject is then the content's id). */
export function isAboutContent(kind: string): boolean {
  return /^(content|approval|revision)\./.test(kind);
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
    case 'revision.labelled':
      return data.label
        ? { key: 'activity.labelled', values: { actor, revision, label: str(data.label) } }
        : { key: 'activity.unlabelled', values: { actor, revision } };
    default:
      return { key: 'activity.other', values: { actor, kind: event.kind } };
  }
}
