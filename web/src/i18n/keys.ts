import type { ParseKeys } from 'i18next';
import type { Delivery, NotificationKind } from '../api/collab';
import type { PublicationState } from '../api/publications';
import type { TranslationFilterState } from '../api/translations';
import type { Network, Role } from '../api/types';
import type { WebhookEventKind } from '../api/webhooks';
import type { MediaKind } from '../lib/files';
import type { LinkLevel, ShareLevel } from '../lib/sharing';

/** Any key of the catalogs (checked by tsc against en.json). */
export type TranslationKey = ParseKeys;

// Keys chosen at run time are listed here in full, so tsc and the catalog test see each of them.
export const roleLabelKey = {
  owner: 'role.owner',
  admin: 'role.admin',
  editor: 'role.editor',
  contributor: 'role.contributor',
  reviewer: 'role.reviewer',
  guest: 'role.guest',
} as const satisfies Record<Role, TranslationKey>;

export const notificationKindLabelKey = {
  mentioned: 'notification_settings.kind_mentioned',
  assigned: 'notification_settings.kind_assigned',
  reply: 'notification_settings.kind_reply',
  approval_requested: 'notification_settings.kind_approval_requested',
  decision: 'notification_settings.kind_decision',
  approval_stale: 'notification_settings.kind_approval_stale',
  task_due: 'notification_settings.kind_task_due',
  task_overdue: 'notification_settings.kind_task_overdue',
  shared: 'notification_settings.kind_shared',
  webhook_paused: 'webhooks.kind_paused',
  publication_near: 'reminders.kind_publication_near',
} as const satisfies Record<NotificationKind, TranslationKey>;

export const deliveryLabelKey = {
  in_app: 'notification_settings.in_app',
  email: 'notification_settings.email',
  digest: 'notification_settings.digest',
  off: 'notification_settings.off',
} as const satisfies Record<Delivery, TranslationKey>;

export const shareLevelKey = {
  read: 'share.level_read',
  comment: 'share.level_comment',
  edit: 'share.level_edit',
} as const satisfies Record<ShareLevel, TranslationKey>;

export const linkLevelKey = {
  ...shareLevelKey,
  validate: 'share.level_validate',
} as const satisfies Record<LinkLevel, TranslationKey>;

/** What a link's level lets its visitor do, said in the link form. */
export const linkLevelHintKey = {
  read: 'links.level_hint_read',
  comment: 'links.level_hint_comment',
  edit: 'links.level_hint_edit',
  validate: 'links.level_hint_validate',
} as const satisfies Record<LinkLevel, TranslationKey>;

export const webhookEventLabelKey = {
  'content.created': 'webhooks.event_content_created',
  'content.updated': 'webhooks.event_content_updated',
  'content.status_changed': 'webhooks.event_content_status_changed',
  'content.published': 'webhooks.event_content_published',
  'approval.requested': 'webhooks.event_approval_requested',
  'approval.decided': 'webhooks.event_approval_decided',
  'approval.stale': 'webhooks.event_approval_stale',
  'comment.created': 'webhooks.event_comment_created',
  'task.assigned': 'webhooks.event_task_assigned',
  'task.done': 'webhooks.event_task_done',
  'content.shared': 'webhooks.event_content_shared',
  'content.unshared': 'webhooks.event_content_unshared',
  'link.created': 'webhooks.event_link_created',
  'link.revoked': 'webhooks.event_link_revoked',
  'link.opened': 'webhooks.event_link_opened',
  'content.channel_published': 'publication_events.webhook_channel_published',
} as const satisfies Record<WebhookEventKind, TranslationKey>;

export const mediaKindKey = {
  image: 'files.kind_image',
  pdf: 'files.kind_pdf',
  document: 'files.kind_document',
  spreadsheet: 'files.kind_spreadsheet',
  presentation: 'files.kind_presentation',
  text: 'files.kind_text',
  video: 'files.kind_video',
  other: 'files.kind_other',
} as const satisfies Record<MediaKind, TranslationKey>;

export const translationFilterStateKey = {
  missing: 'translations.state_missing',
  out_of_date: 'translations.state_out_of_date',
} as const satisfies Record<TranslationFilterState, TranslationKey>;

export const publicationStateKey = {
  unscheduled: 'publication.state_unscheduled',
  planned: 'publication.state_planned',
  late: 'publication.state_late',
  published: 'publication.state_published',
} as const satisfies Record<PublicationState, TranslationKey>;

export const networkNameKey = {
  x: 'variants.network_x',
  linkedin: 'variants.network_linkedin',
  facebook: 'variants.network_facebook',
  instagram: 'variants.network_instagram',
  newsletter: 'variants.network_newsletter',
} as const satisfies Record<Network, TranslationKey>;

export const variantFieldKey: Record<string, TranslationKey> = {
  text: 'variants.field_text',
  subject: 'variants.field_subject',
  preheader: 'variants.field_preheader',
  visual: 'variants.visual',
};
