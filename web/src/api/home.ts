import { useQuery } from '@tanstack/react-query';
import { api } from './client';

// GET /workspaces/{ws}/home: the day's dashboard in one round trip (issue 16). The week is the
// person's, counted here in their time zone and sent as [from, to).

/** Where a figure leads: a screen of the workspace and its query string. */
export interface HomeLink {
  screen: 'contents' | 'my_work' | 'calendar';
  query: string;
}

export interface HomeContent {
  id: string;
  title: string;
  publish_at: string | null;
  status: { id: string; name: string; color: string; category: string } | null;
  late: boolean;
}

export interface HomeFigure<T> {
  total: number;
  items: T[];
  link: HomeLink;
}

export interface HomePublication {
  content: HomeContent;
  channel: { id: string; name: string; color: string } | null;
  at: string;
  late: boolean;
}

export interface HomeWaiting {
  content: HomeContent;
  team: { id: string; name: string };
  since: string;
}

export interface HomeTask {
  id: string;
  title: string;
  due_at: string;
  overdue: boolean;
  content: { id: string; title: string } | null;
}

export interface TeamPending {
  team: { id: string; name: string };
  total: number;
  oldest_since: string;
  waiting_seconds: number;
  link: HomeLink;
}

export interface Home {
  now: string;
  role: string;
  week: {
    from: string;
    to: string;
    time_zone: string | null;
    publications: HomePublication[];
    link: HomeLink;
  };
  waiting_for_me: HomeFigure<HomeWaiting>;
  tasks: HomeFigure<HomeTask>;
  assigned: HomeFigure<HomeContent>;
  late: HomeFigure<HomeContent>;
  pending_by_team: TeamPending[] | null;
}

export const homeKeys = {
  home: (slug: string, from: string, to: string, zone: string) =>
    ['home', slug, from, to, zone] as const,
};

export function useHome(slug: string, from: string, to: string, zone: string) {
  const query = new URLSearchParams({ tz: zone, from, to }).toString();
  return useQuery({
    queryKey: homeKeys.home(slug, from, to, zone),
    queryFn: ({ signal }) =>
      api.get<Home>(`/api/v1/workspaces/${encodeURIComponent(slug)}/home?${query}`, signal),
  });
}

/** The web app's path for a figure's link. */
export function homeLinkPath(slug: string, link: HomeLink): string {
  const base = `/w/${encodeURIComponent(slug)}`;
  const screen =
    link.screen === 'my_work' ? 'my-work' : link.screen === 'calendar' ? 'calendar' : 'contents';
  return `${base}/${screen}${link.query ? `?${link.query}` : ''}`;
}
