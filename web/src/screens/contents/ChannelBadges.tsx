import type { Channel } from '../../api/types';

/** Channel names with their colour dot. */
export function ChannelBadges({ ids, channels }: { ids: readonly string[]; channels: Channel[] }) {
  const byId = new Map(channels.map((c) => [c.id, c]));
  return (
    <span className="channel-badges">
      {ids.map((id) => {
        const channel = byId.get(id);
        if (!channel) return null;
        return (
          <span key={id} className="channel-badge">
            <span
              className="channel-dot"
              style={{ background: channel.color }}
              aria-hidden="true"
            />
            {channel.name}
          </span>
        );
      })}
    </span>
  );
}
