import type { UnreadableRecord } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { call } from './requests.js';
import { type Message, messageListSchema, userEmailSchema } from './schemas/messages.js';

/** `limit` maximum of `GET /v3/messages` (spec: `maximum: 1000`). */
export const SENDGRID_MESSAGES_PAGE = 1_000;

/** The query that selects messages whose last event falls in [from, to], both ends included. */
export function windowQuery(from: Date, to: Date): string {
  return `last_event_time BETWEEN TIMESTAMP "${from.toISOString()}" AND TIMESTAMP "${to.toISOString()}"`;
}

export interface MessageWindow {
  messages: Message[];
  /** Messages that did not parse (each named by its `msg_id` when it has one). */
  unreadable: UnreadableRecord[];
  /** False when the walk stopped early (the cap, or a page all of one instant) and older mail was not read. */
  complete: boolean;
}

export type EmailActivityApi = ReturnType<typeof createEmailActivityApi>;

export function createEmailActivityApi(http: ProviderHttp) {
  const search = async (query: string, limit = SENDGRID_MESSAGES_PAGE, page = 1) => {
    const operation = page === 1 ? 'search email activity' : `search email activity (page ${page})`;
    const schema = messageListSchema(http.provider, operation);
    return (
      await call(http, { method: 'GET', path: '/v3/messages', query: { query, limit }, schema, operation })
    ).messages;
  };
  return {
    /** `GET /v3/messages?query=…&limit=…`: one page, the newest matches first. Needs the paid add-on. */
    search: (query: string, limit?: number) => search(query, limit),
    /**
     * Every message whose last event is in [from, to], read newest first. The API has no cursor, so
     * each next page narrows the window's end to the oldest time seen so far; messages read twice at
     * that boundary are kept once. Stops at `maxMessages` (default 20,000) with `complete: false`.
     */
    async listWindow(from: Date, to: Date, options: { maxMessages?: number } = {}): Promise<MessageWindow> {
      const cap = options.maxMessages ?? 20_000;
      const seen = new Map<string, Message>();
      const unreadable = new Map<string, UnreadableRecord>();
      const done = (complete: boolean): MessageWindow => ({
        messages: [...seen.values()],
        unreadable: [...unreadable.values()],
        complete,
      });
      let end = to;
      for (let page = 1; ; page += 1) {
        const batch = await search(windowQuery(from, end), SENDGRID_MESSAGES_PAGE, page);
        for (const m of batch.items) if (!seen.has(m.msg_id)) seen.set(m.msg_id, m);
        for (const u of batch.unreadable) unreadable.set(u.id ?? `#${unreadable.size}`, u);
        if (batch.items.length + batch.unreadable.length < SENDGRID_MESSAGES_PAGE) return done(true);
        const oldest = oldestTime(batch.items);
        if (seen.size >= cap || oldest === undefined || oldest >= end.getTime()) return done(false);
        end = new Date(oldest);
      }
    },
  };
}

function oldestTime(messages: readonly Message[]): number | undefined {
  let oldest: number | undefined;
  for (const m of messages) {
    const at = m.last_event_time === null ? Number.NaN : Date.parse(m.last_event_time);
    if (!Number.isNaN(at) && (oldest === undefined || at < oldest)) oldest = at;
  }
  return oldest;
}

export type UserApi = ReturnType<typeof createUserApi>;

export function createUserApi(http: ProviderHttp) {
  return {
    /** `GET /v3/user/email`: the owner's sign-in address. */
    async email() {
      const operation = 'get account email';
      return (await call(http, { method: 'GET', path: '/v3/user/email', schema: userEmailSchema, operation }))
        .email;
    },
  };
}
