import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ContentType, FieldDef } from './types';
import { listItems, useWorkspaceMutation, workspaceKeys, workspacePath } from './workspace';

// Content types: the fields each kind of content has.

export const typesQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.types(slug),
    queryFn: listItems<ContentType>(`${workspacePath(slug)}/types`),
  });
export const useTypes = (slug: string) => useQuery(typesQuery(slug));

export const useSaveType = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, key, name, fields }: { id?: string; key: string; name: string; fields: FieldDef[] }) =>
      id
        ? api.patch<ContentType>(`${workspacePath(slug)}/types/${encodeURIComponent(id)}`, {
            name,
            fields,
          })
        : api.post<ContentType>(`${workspacePath(slug)}/types`, { key, name, fields }),
    ['types'],
  );
export const useDeleteType = (slug: string) =>
  useWorkspaceMutation(
    slug,
    (id: string) => api.delete<void>(`${workspacePath(slug)}/types/${encodeURIComponent(id)}`),
    ['types'],
  );
