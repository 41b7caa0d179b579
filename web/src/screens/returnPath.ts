/** Where to go after logging in: back where the user was sent away from, if that was inside. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from === '/login' || from === '/setup') return '/';
  return from;
}
