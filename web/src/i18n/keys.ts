import type { ParseKeys } from 'i18next';
import type { Role } from '../api/types';
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
