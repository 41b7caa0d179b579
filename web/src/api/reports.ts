import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';

// The workspace report (GET /workspaces/{ws}/reports): docs/reports.md says how each figure is
// computed. Durations are milliseconds; a median is null when nothing was measured.

export interface Spread {
  count: number;
  median_ms: number | null;
  p90_ms: number | null;
}

export interface ChannelMonths {
  channel: string | null;
  name: string | null;
  counts: number[];
  total: number;
}

export interface StatusTime extends Spread {
  status: string;
  name: string;
  category: string | null;
}

export interface TeamWait extends Spread {
  team: string;
  name: string;
}

export interface StaleApproval {
  content: { id: string; title: string };
  team: { id: string; name: string };
  stale_at: string;
  revision: number;
  published_at: string;
}

export interface Report {
  from: string;
  to: string;
  time_zone: string;
  publications: { months: string[]; channels: ChannelMonths[]; totals: number[]; total: number };
  statuses: StatusTime[];
  approvals: TeamWait[];
  stale_approvals: { count: number; items: StaleApproval[] };
}

/** The report over the last `days` days, months counted in `timeZone`. */
export function useReport(slug: string, days: number, timeZone: string) {
  return useQuery({
    queryKey: ['reports', slug, days, timeZone],
    queryFn: ({ signal }) => {
      const to = new Date();
      const from = new Date(to.getTime() - days * 24 * 3600 * 1000);
      const params = new URLSearchParams({
        from: from.toISOString(),
        to: to.toISOString(),
        tz: timeZone,
      });
      return api.get<Report>(
        `/api/v1/workspaces/${encodeURIComponent(slug)}/reports?${params.toString()}`,
        signal,
      );
    },
    placeholderData: keepPreviousData,
  });
}
