import type { Channel } from '../api/types';

/** How deep each channel sits in the tree (0 for the top level). */
export function channelDepths(channels: readonly Channel[]): Map<string, number> {
  const byId = new Map(channels.map((c) => [c.id, c]));
  const depths = new Map<string, number>();
  const depthOf = (id: string, seen = 0): number => {
    const known = depths.get(id);
    if (known !== undefined) return known;
    const parent = byId.get(id)?.parent;
    const depth = parent && byId.has(parent) && seen < 16 ? depthOf(parent, seen + 1) + 1 : 0;
    depths.set(id, depth);
    return depth;
  };
  for (const channel of channels) depthOf(channel.id);
  return depths;
}
