import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkflow } from '../../api/workflow';
import { useChannels } from '../../api/channels';
import { useTypes } from '../../api/contentTypes';
import { useMembers } from '../../api/members';

/** The names behind the ids search answers with: types, statuses, channels, people. */
export function useSearchLabels(slug: string, staff = true) {
  const { t } = useTranslation();
  const types = useTypes(slug).data;
  const statuses = useWorkflow(slug, staff).data;
  const channels = useChannels(slug).data;
  const members = useMembers(slug, staff).data;
  return useMemo(() => {
    const byId = <T extends { id: string }>(list: T[] | undefined) =>
      new Map((list ?? []).map((item) => [item.id, item]));
    // Types go by id in search answers and by key in the URL.
    const typeById = new Map(
      (types ?? []).flatMap((type) => [
        [type.id, type],
        [type.key, type],
      ]),
    );
    const statusById = byId(statuses);
    const channelById = byId(channels);
    const memberById = new Map((members ?? []).map((m) => [m.user_id, m]));
    // A list the person may not read (a guest's) names nothing, rather than "Unknown" everywhere.
    const unknown = (list: unknown[] | undefined) => (list ? t('search.unknown') : '');
    return {
      type: (id: string) => typeById.get(id)?.name ?? unknown(types),
      /** A type id as the filter model keeps it: by its key, like the list's URL. */
      typeKey: (id: string) => typeById.get(id)?.key ?? id,
      status: (id: string | null) => (id ? (statusById.get(id)?.name ?? unknown(statuses)) : ''),
      statusColor: (id: string | null) => (id ? statusById.get(id)?.color : undefined),
      channel: (id: string) => channelById.get(id)?.name ?? unknown(channels),
      owner: (id: string) => memberById.get(id)?.name ?? unknown(members),
      language: (code: string) =>
        code === 'fr' ? t('language.fr') : code === 'en' ? t('language.en') : code,
    };
  }, [t, types, statuses, channels, members]);
}

export type SearchLabels = ReturnType<typeof useSearchLabels>;
