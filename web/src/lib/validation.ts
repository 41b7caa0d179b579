// The rules the server applies to what people type, checked first here so the answer is instant.

export const passwordMinLength = 12;
export const passwordMaxLength = 256;

/** Length as a person counts it: one for "é" or "😀", not UTF-16 units. */
export function characterCount(value: string): number {
  return [...value].length;
}

export type PasswordProblem = 'too_short' | 'too_long' | null;

export function checkPassword(password: string): PasswordProblem {
  const length = characterCount(password);
  if (length < passwordMinLength) return 'too_short';
  if (length > passwordMaxLength) return 'too_long';
  return null;
}

/** Loose on purpose (the server has the last word): one "@" with something on each side. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

export type SetupField = 'name' | 'email' | 'password' | 'workspace_name';
export type FieldCheck = 'required' | 'email' | 'password_too_short' | 'password_too_long';

/** What is wrong with the first-run form, field by field, before it is sent. */
export function checkSetupForm(
  input: Record<SetupField, string>,
): Partial<Record<SetupField, FieldCheck>> {
  const problems: Partial<Record<SetupField, FieldCheck>> = {};
  if (input.name.trim() === '') problems.name = 'required';
  if (input.email.trim() === '') problems.email = 'required';
  else if (!looksLikeEmail(input.email)) problems.email = 'email';
  if (input.password === '') problems.password = 'required';
  else {
    const password = checkPassword(input.password);
    if (password === 'too_short') problems.password = 'password_too_short';
    if (password === 'too_long') problems.password = 'password_too_long';
  }
  if (input.workspace_name.trim() === '') problems.workspace_name = 'required';
  return problems;
}
