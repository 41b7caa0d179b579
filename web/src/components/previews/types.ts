import type { Network, NetworkRules } from '../../api/types';

// What every network's preview draws: whose page, which text, which picture, which link.

export interface PreviewImage {
  url: string;
  alt: string;
}

export interface PreviewLink {
  url: string;
  /** The linked page's title (the content's). */
  title: string;
  /** The picture a network takes from the linked page (the content's first image). */
  image: PreviewImage | null;
}

export interface PreviewData {
  /** The channel's id (a key for lists). */
  channelId: string;
  channelName: string;
  network: Network;
  rules: NetworkRules;
  fields: Record<string, string>;
  /** The variant's own visual, cropped at the network's ratio. */
  image: PreviewImage | null;
  /** The first URL of the text, drawn as a card when there is no visual. */
  link: PreviewLink | null;
}

export interface PreviewPage {
  name: string;
  avatarUrl: string | null;
}
