import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { contentPath } from './contents';
import { mediaFileUrl } from './files';
import type { Content, NetworkRules, WorkspaceSettings } from './types';
import { workspacePath } from './workspace';

// Channel variants (issue 20): the workspace's page identity and network rules the previews and
// counters follow, and the reset of a variant to the main text.

export const workspaceSettingsQuery = (slug: string) =>
  queryOptions({
    queryKey: ['ws', slug, 'settings'] as const,
    queryFn: ({ signal }) => api.get<WorkspaceSettings>(workspacePath(slug), signal),
    staleTime: 60_000,
  });

export interface PageIdentity {
  name: string;
  /** The picture's URL; null: the name's initials. */
  avatarUrl: string | null;
}

/** The networks' rules, served with the channels (GET …/channels: `networks`). */
export const networksQuery = (slug: string) =>
  queryOptions({
    queryKey: ['ws', slug, 'channels', 'networks'] as const,
    queryFn: async ({ signal }) =>
      (await api.get<{ networks?: NetworkRules[] }>(`${workspacePath(slug)}/channels`, signal))
        .networks ?? null,
    staleTime: Infinity,
  });

/** The page previews are signed with, and the networks' rules (undefined until loaded). */
export function useVariantSettings(slug: string, workspaceName: string) {
  const settings = useQuery(workspaceSettingsQuery(slug)).data;
  const served = useQuery(networksQuery(slug)).data;
  const page: PageIdentity = {
    name: settings?.page_name || settings?.name || workspaceName,
    avatarUrl: settings?.page_avatar ? mediaFileUrl(settings.page_avatar) : null,
  };
  const networks: NetworkRules[] | undefined = served ?? settings?.networks;
  return { page, networks, settings };
}

/** PATCH variants.<channel> = null: the channel follows the main text again. */
export const resetVariant = (contentId: string, channelId: string, baseVersion: number) =>
  api.patch<Content>(contentPath(contentId), {
    base_version: baseVersion,
    variants: { [channelId]: null },
  });
