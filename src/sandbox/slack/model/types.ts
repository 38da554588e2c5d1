/** Loose Web API arguments as the local API receives them: form fields, with JSON fields already parsed. */
export type SlackArgs = Record<string, unknown>;

/** A Web API answer before it is serialised: `{ ok: true, … }` is added by the server. */
export type SlackResult = Record<string, unknown>;

export interface LocalUser {
  id: string;
  name: string;
  /** Shown in the console (display name); the `name` when absent. */
  realName?: string | undefined;
  isBot: boolean;
}

export interface LocalChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  isArchived: boolean;
  topic: string;
  creator: string;
  created: number;
  members: Set<string>;
}

/** One version of a message's content; `chat.update` and `replace_original` add versions. */
export interface MessageContent {
  text: string;
  blocks: unknown[];
  attachments: unknown[];
  files?: { id: string; title: string; name: string }[];
}

export interface MessageVersion extends MessageContent {
  at: Date;
}

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  /** The user who posted it (the bot user for API posts). */
  user: string;
  /** A fingerprint of the token that posted it (never the token); `chat.update` only accepts the same one. */
  postedWith: string;
  deleted: boolean;
  versions: MessageVersion[];
}

/** A message as readers see it: the latest content plus every version it went through. */
export interface MessageView extends MessageContent {
  channel: string;
  ts: string;
  threadTs: string | undefined;
  user: string;
  versions: MessageVersion[];
}

export interface EphemeralMessage extends MessageContent {
  channel: string;
  user: string;
  ts: string;
  /** How it arrived: `chat.postEphemeral`, a response_url, or the body of an ack. */
  via: 'api' | 'response_url' | 'ack';
  at: Date;
}

export interface PinRecord {
  channel: string;
  ts: string;
  pinnedBy: string;
  at: Date;
}

export interface OpenedView {
  id: string;
  user: string;
  triggerId: string;
  state: 'open' | 'closed';
  /** The view as the bot last sent it (views.open, views.update or response_action update). */
  view: Record<string, unknown>;
  versions: Record<string, unknown>[];
  /** The errors of the last submission the bot refused (`response_action: errors`), by block id. */
  errors?: Record<string, string>;
}

export interface StoredFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  bytes: Buffer | undefined;
  channel: string | undefined;
  initialComment: string | undefined;
  threadTs: string | undefined;
  completed: boolean;
}

export interface CallRecord {
  method: string;
  /** Parsed arguments (blocks/attachments/view/files JSON-parsed); the token is never kept. */
  args: SlackArgs;
  at: Date;
  /** HTTP status answered (200 or 429). */
  status: number;
  ok: boolean;
  error: string | undefined;
}

/** A button as a user sees it on the latest version of a message. */
export interface FoundButton {
  channel: string;
  messageTs: string;
  blockId: string;
  actionId: string;
  value: string | undefined;
  text: string;
  style: 'primary' | 'danger' | undefined;
  confirm: Record<string, unknown> | undefined;
}

/** What a response_url received, in order. */
export interface ResponseRecord {
  body: Record<string, unknown>;
  at: Date;
}
