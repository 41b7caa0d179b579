import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Project } from './types';
import { listItems, useWorkspaceMutation, workspaceKeys, workspacePath } from './workspace';

// Projects group contents (a campaign, a launch).

export const projectsQuery = (slug: string) =>
  queryOptions({
    queryKey: workspaceKeys.projects(slug),
    queryFn: listItems<Project>(`${workspacePath(slug)}/projects?archived=true`),
  });

// Guests may not read projects: their screens pass `enabled` false.
export const useProjects = (slug: string, enabled = true) =>
  useQuery({ ...projectsQuery(slug), enabled });

export const useSaveProject = (slug: string) =>
  useWorkspaceMutation(
    slug,
    ({ id, ...input }: { id?: string; name?: string; description?: string; archived?: boolean }) =>
      id
        ? api.patch<Project>(`${workspacePath(slug)}/projects/${encodeURIComponent(id)}`, input)
        : api.post<Project>(`${workspacePath(slug)}/projects`, input),
    ['projects'],
  );
