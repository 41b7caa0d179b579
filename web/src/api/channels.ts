import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Channel, Network } from './types';
import { listItems, useWorkspaceMutation, workspaceKeys, workspacePath } from './workspace';

// Where contents go: a workspace's tree of channels.

export const channelsQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.channels(slug),
    queryFn: listItems<Channel>(`${workspacePath(slug)}/channels`),
  });
export const useChannels = (slug: string) => useQuery(channelsQuery(slug));

export interface ChannelInput {
  name: string;
  color: string;
  parent: string | null;
  char_limit: number | null;
  position?: number;
  /** Whose rules its variants follow (issue 20); null: none. */
  network?: Network | null;
}
export const useSaveChannel = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, ...input }: ChannelInput & { id?: string }) =>
      id
        ? api.patch<Channel>(`${workspacePath(slug)}/channels/${encodeURIComponent(id)}`, input)
        : api.post<Channel>(`${workspacePath(slug)}/channels`, input),
    ['channels'],
  );
export const useDeleteChannel = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, moveTo }: { id: string; moveTo?: string }) =>
      api.delete<void>(
        `${workspacePath(slug)}/channels/${encodeURIComponent(id)}` +
          (moveTo ? `?move_to=${encodeURIComponent(moveTo)}` : ''),
      ),
    ['channels', 'contents'],
  );
