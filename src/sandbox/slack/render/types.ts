import type { EphemeralMessage, LocalUser, MessageView, OpenedView, StoredFile } from '../model/types.js';

/** How mentions and channel links are named: a lookup the renderer cannot change. */
export interface RenderNames {
  user(id: string): string;
  channel(id: string): string | undefined;
}

/** What a block needs besides itself: names, a prefix for element ids, and whether it can be clicked. */
export interface BlockContext {
  names: RenderNames;
  /** Unique per rendered message or modal, so dialog and input ids never collide on the page. */
  idPrefix: string;
  /** False for ephemeral messages and history: their buttons are shown disabled. */
  interactive: boolean;
  /** Errors of the last modal submission, by block id. */
  errors?: Readonly<Record<string, string>>;
}

export interface ChannelEntry {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
}

/** Everything one page of the console shows, as plain data read from the workspace. */
export interface ConsoleView {
  as: LocalUser;
  people: readonly LocalUser[];
  channels: ChannelEntry[];
  channel: (ChannelEntry & { topic: string; notice: string | null }) | null;
  /** The channel's messages (thread replies included), oldest first. */
  messages: MessageView[];
  pinned: ReadonlySet<string>;
  /** Ephemerals the acting person has in this channel. */
  ephemerals: EphemeralMessage[];
  /** When the page was loaded (ms): its live updates ask for ephemerals since then. */
  since: number;
  /** Modals open for the acting person. */
  views: OpenedView[];
  files: ReadonlyMap<string, StoredFile>;
  names: RenderNames;
  botUserId: string;
  /** The CSRF token of the browser session the page is for; every form carries it. */
  csrf: string;
}
