import type { ParseKeys } from 'i18next';
import type { Role } from '../api/types';

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
