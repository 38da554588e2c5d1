import { randomBytes } from 'node:crypto';
import { SlackApiError } from '../model/slack-api-error.js';
import type { ResponseRecord } from '../model/types.js';

/** Slack lets a trigger_id open one modal within 3 seconds of the interaction. */
export const TRIGGER_TTL_MS = 3_000;
/** A response_url takes up to 5 messages within 30 minutes. */
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;

interface TriggerGrant {
  user: string;
  issuedAt: number;
  used: boolean;
}

/** The trigger_ids handed out with interactions; each opens at most one view. */
export class TriggerBook {
  private readonly grants = new Map<string, TriggerGrant>();
  private issued = 0;

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = TRIGGER_TTL_MS,
  ) {}

  issue(user: string): string {
    this.issued += 1;
    const id = `${Math.floor(this.now() / 1000)}.${this.issued}.${randomBytes(10).toString('hex')}`;
    this.grants.set(id, { user, issuedAt: this.now(), used: false });
    return id;
  }

  /** Uses up a trigger and returns the user it was issued to, or throws Slack's error for it. */
  exchange(id: string | undefined): string {
    const grant = id === undefined ? undefined : this.grants.get(id);
    if (!grant) throw new SlackApiError('invalid_trigger_id');
    if (grant.used) throw new SlackApiError('exchanged_trigger_id');
    if (this.now() - grant.issuedAt > this.ttlMs) throw new SlackApiError('expired_trigger_id');
    grant.used = true;
    return grant.user;
  }

  /** Forgets triggers older than `olderThanMs` (a long-running console keeps no history). */
  forget(olderThanMs: number): void {
    for (const [id, grant] of this.grants)
      if (this.now() - grant.issuedAt > olderThanMs) this.grants.delete(id);
  }
}

/** Where a response_url's messages go: the channel and user of the interaction, and its message. */
export interface ResponseTarget {
  id: string;
  channel: string;
  user: string;
  /** The message whose button was clicked; `replace_original`/`delete_original` act on it. */
  messageTs: string | undefined;
  issuedAt: number;
  /** One per use; the body is left empty when the book keeps no bodies. */
  records: ResponseRecord[];
}

/**
 * The response_urls handed out with commands and clicks, with Slack's use and age limits. With
 * `keepBodies: false` (the console) what was sent is not kept: a revealed credential lives only in
 * the ephemeral message it was sent as.
 */
export class ResponseUrlBook {
  private readonly targets = new Map<string, ResponseTarget>();

  constructor(
    private readonly now: () => number,
    private readonly options: { keepBodies?: boolean } = {},
  ) {}

  issue(target: { channel: string; user: string; messageTs?: string | undefined }): ResponseTarget {
    const id = randomBytes(12).toString('hex');
    const entry: ResponseTarget = {
      id,
      channel: target.channel,
      user: target.user,
      messageTs: target.messageTs,
      issuedAt: this.now(),
      records: [],
    };
    this.targets.set(id, entry);
    return entry;
  }

  /** The target for one more use of a response_url, or the error Slack would answer. */
  use(id: string): ResponseTarget | 'no_such_url' | 'used_url' | 'expired_url' {
    const target = this.targets.get(id);
    if (!target) return 'no_such_url';
    if (this.now() - target.issuedAt > RESPONSE_URL_TTL_MS) return 'expired_url';
    if (target.records.length >= RESPONSE_URL_MAX_USES) return 'used_url';
    return target;
  }

  /** Counts one use of a target, keeping what was sent unless told not to. */
  record(target: ResponseTarget, body: Record<string, unknown>): void {
    target.records.push({ body: this.options.keepBodies === false ? {} : body, at: new Date(this.now()) });
  }

  /** Forgets expired response_urls (they would answer `expired_url` anyway, and then `no_such_url`). */
  forgetExpired(): void {
    for (const [id, t] of this.targets)
      if (this.now() - t.issuedAt > RESPONSE_URL_TTL_MS) this.targets.delete(id);
  }
}
