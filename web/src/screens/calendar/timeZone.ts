import type { User } from '../../api/types';
import { useShell } from '../AppShell';

// The person's time zone (PLAN_API §4): their profile's choice when the server sends one, else the
// browser's. A zone the browser does not know falls back to the browser's own.

function knownZone(zone: string | null | undefined): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}

/** The IANA time zone the calendar and the publication panel show dates in. */
export function useCalendarTimeZone(): string {
  const { me } = useShell();
  const chosen = (me.user as User & { time_zone?: string | null }).time_zone;
  return knownZone(chosen) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
