import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Channel } from '../../api/types';
import {
  useChannels,
  useDeleteChannel,
  useSaveChannel,
  type ChannelInput,
} from '../../api/channels';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/Dialog';
import { EditDialog } from '../../components/EditDialog';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { channelDepths } from '../../lib/channels';
import { genericErrorMessage } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { NetworkPicker } from './NetworkPicker';
import { networkNameKey } from '../../i18n/keys';

type Editing = ChannelInput & { id?: string };

/** Where contents go: a tree of channels, each with a colour and maybe a character limit. */
export function ChannelsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const channels = useChannels(slug).data ?? [];
  const save = useSaveChannel(slug);
  const remove = useDeleteChannel(slug);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<{ channel: Channel; inUse: number | null } | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const depth = channelDepths(channels);

  const tryDelete = async (channel: Channel, target?: string) => {
    try {
      await remove.mutateAsync(target ? { id: channel.id, moveTo: target } : { id: channel.id });
      setDeleting(null);
    } catch (error) {
      if (isApiError(error, 409)) {
        const count = Number(error.extra.contents ?? 0);
        setDeleting({ channel, inUse: count });
        setMoveTo(channels.find((c) => c.id !== channel.id)?.id ?? '');
        remove.reset();
      }
    }
  };

  return (
    <div className="settings-section">
      {remove.isError && <Alert>{genericErrorMessage(t, remove.error)}</Alert>}
      <div className="section-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() =>
            setEditing({
              name: '',
              color: '#2b59c3',
              parent: null,
              char_limit: null,
              network: null,
            })
          }
        >
          {t('settings.new_channel')}
        </button>
      </div>
      <ul className="tree" aria-label={t('settings.channels')}>
        {channels.map((channel) => (
          <li
            key={channel.id}
            className="tree-row"
            style={{ paddingInlineStart: `${(depth.get(channel.id) ?? 0) * 1.5 + 0.75}rem` }}
          >
            <span
              className="channel-dot"
              style={{ background: channel.color }}
              aria-hidden="true"
            />
            <span className="tree-name">{channel.name}</span>
            {channel.network && (
              <span className="badge" data-testid="channel-network">
                {t(networkNameKey[channel.network])}
              </span>
            )}
            <span className="muted">
              {channel.char_limit
                ? t('settings.char_limit_value', {
                    limit: formatNumber(channel.char_limit, locale),
                  })
                : t('settings.no_limit')}
            </span>
            <span className="row-actions">
              <button
                type="button"
                className="button button-quiet"
                aria-label={t('settings.edit_named', { name: channel.name })}
                onClick={() =>
                  setEditing({
                    id: channel.id,
                    name: channel.name,
                    color: channel.color,
                    parent: channel.parent,
                    char_limit: channel.char_limit,
                    network: channel.network ?? null,
                  })
                }
              >
                {t('common.edit')}
              </button>
              <button
                type="button"
                className="button button-danger-quiet"
                aria-label={t('settings.delete_named', { name: channel.name })}
                onClick={() => setDeleting({ channel, inUse: null })}
              >
                {t('common.delete')}
              </button>
            </span>
          </li>
        ))}
      </ul>

      <EditDialog
        open={editing !== null}
        title={editing?.id ? t('settings.edit_channel') : t('settings.new_channel')}
        canSave={Boolean(editing?.name.trim()) && !save.isPending}
        onClose={() => setEditing(null)}
        onSave={() =>
          editing &&
          save.mutate(
            { ...editing, name: editing.name.trim() },
            { onSuccess: () => setEditing(null) },
          )
        }
      >
        {editing && (
          <div className="form form-tight">
            {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
            <Field
              label={t('settings.channel_name')}
              value={editing.name}
              onChange={(event) => setEditing({ ...editing, name: event.target.value })}
            />
            <div className="field">
              <label htmlFor="channel-color">{t('settings.channel_color')}</label>
              <input
                id="channel-color"
                type="color"
                value={editing.color}
                onChange={(event) => setEditing({ ...editing, color: event.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="channel-parent">{t('settings.channel_parent')}</label>
              <select
                id="channel-parent"
                value={editing.parent ?? ''}
                onChange={(event) => setEditing({ ...editing, parent: event.target.value || null })}
              >
                <option value="">{t('settings.channel_top')}</option>
                {channels
                  .filter((c) => c.id !== editing.id)
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {'  '.repeat(depth.get(c.id) ?? 0)}
                      {c.name}
                    </option>
                  ))}
              </select>
            </div>
            <NetworkPicker
              value={editing.network ?? null}
              onChange={(network) => setEditing({ ...editing, network })}
            />
            <Field
              label={t('settings.char_limit')}
              hint={t('settings.char_limit_hint')}
              type="number"
              min={1}
              value={editing.char_limit ?? ''}
              onChange={(event) =>
                setEditing({
                  ...editing,
                  char_limit:
                    event.target.value === '' ? null : Math.max(1, Number(event.target.value)),
                })
              }
            />
          </div>
        )}
      </EditDialog>

      <ConfirmDialog
        open={deleting !== null}
        title={t('settings.delete_named', { name: deleting?.channel.name ?? '' })}
        confirm={deleting?.inUse ? t('settings.move_and_delete') : t('common.delete')}
        danger
        busy={remove.isPending}
        disabled={deleting?.inUse ? !moveTo : false}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting && void tryDelete(deleting.channel, deleting.inUse ? moveTo : undefined)
        }
        body={
          <>
            {deleting && !deleting.inUse && <p>{t('settings.delete_channel_body')}</p>}
            {deleting?.inUse ? (
              <div className="form form-tight">
                <p>{t('settings.channel_in_use', { count: deleting.inUse })}</p>
                <div className="field">
                  <label htmlFor="move-to">{t('settings.move_to')}</label>
                  <select
                    id="move-to"
                    value={moveTo}
                    onChange={(event) => setMoveTo(event.target.value)}
                  >
                    {channels
                      .filter(
                        (c) => c.id !== deleting.channel.id && c.parent !== deleting.channel.id,
                      )
                      .map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.name}
                        </option>
                      ))}
                  </select>
                </div>
              </div>
            ) : null}
          </>
        }
      />
    </div>
  );
}
