import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { ListOf } from './types';

// Outgoing webhooks (issue 23): a workspace's subscriptions and their delivery logs.

/** The kinds of event a webhook may subscribe to, in the order the form lists them. */
export const webhookEventKinds = [
  'content.created',
  'content.updated',
  'content.status_changed',
  'content.published',
  'approval.requested',
  'approval.decided',
  'approval.stale',
  'comment.created',
  'task.assigned',
  'task.done',
  'content.shared',
  'content.unshared',
  'link.created',
  'link.revoked',
  'link.opened',
  'content.channel_published',
] as const;
export type WebhookEventKind = (typeof webhookEventKinds)[number];

export interface Webhook {
  id: string;
  url: string;
  description: string;
  events: WebhookEventKind[];
  project: string | null;
  channel: string | null;
  type: string | null;
  paused: boolean;
  paused_at: string | null;
  paused_reason: 'paused' | 'failing' | null;
  failing_since: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A webhook just made: its secret is shown this once. */
export interface CreatedWebhook extends Webhook {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  event: WebhookEventKind;
  idempotency_key: string;
  redelivery_of: string | null;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  created_at: string;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  status: number | null;
  latency_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  payload: unknown;
}

/** A create or a change; `null` clears a filter. */
export interface WebhookInput {
  url?: string;
  description?: string;
  events?: WebhookEventKind[];
  project?: string | null;
  channel?: string | null;
  type?: string | null;
  paused?: boolean;
}

const path = (slug: string) => `/api/v1/workspaces/${encodeURIComponent(slug)}/webhooks`;

export const webhookKeys = {
  all: (slug: string) => ['ws', slug, 'webhooks'] as const,
  deliveries: (slug: string, id: string) => ['ws', slug, 'webhooks', id, 'deliveries'] as const,
};

export function useWebhooks(slug: string) {
  return useQuery({
    queryKey: webhookKeys.all(slug),
    queryFn: async ({ signal }) => (await api.get<ListOf<Webhook>>(path(slug), signal)).items,
  });
}

/** A webhook's latest deliveries, read again every few seconds while shown. */
export function useWebhookDeliveries(slug: string, id: string) {
  return useQuery({
    queryKey: webhookKeys.deliveries(slug, id),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListOf<WebhookDelivery>>(
          `${path(slug)}/${encodeURIComponent(id)}/deliveries?limit=20`,
          signal,
        )
      ).items,
    refetchInterval: 5000,
  });
}

export function useCreateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => api.post<CreatedWebhook>(path(slug), input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all(slug) }),
  });
}

export function useUpdateWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: WebhookInput & { id: string }) =>
      api.patch<Webhook>(`${path(slug)}/${encodeURIComponent(id)}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all(slug) }),
  });
}

export function useDeleteWebhook(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`${path(slug)}/${encodeURIComponent(id)}`),
    // Its log is gone with it: dropped, not read again.
    onSuccess: (_, id) => queryClient.removeQueries({ queryKey: webhookKeys.deliveries(slug, id) }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.all(slug), exact: true }),
  });
}

export function useRedeliver(slug: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      api.post<WebhookDelivery>(
        `${path(slug)}/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`,
        {},
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(slug, id) }),
  });
}
