// In a channel whose incident acts on a real account, one browser session is one person.
import { createHash } from 'node:crypto';
import type { LocalUser } from '../model/types.js';

/** A sentence for the page when a session that acted as `first` here tries to act as someone else. */
export function secondPersonRefusal(first: string): string {
  return `This browser already acts as ${first} in this incident; a second approver must use their own browser.`;
}

/**
 * Who each browser session acted as, per real-account channel: the first person it acts as there
 * is the only one it may act as there, so one browser can never give a high-risk step both of its
 * approvals. Rehearsals and the sandbox keep the person switcher free (they are never claimed).
 * Sessions are kept by a hash of their id, in memory.
 */
export class SessionActors {
  readonly #byChannel = new Map<string, Map<string, string>>();

  /**
   * Records that `sessionId` acts as `as` in `channelId`, or returns the id of the person it
   * already acts as there when that is someone else (and then records nothing).
   */
  claim(sessionId: string, channelId: string, as: LocalUser): { ok: true } | { ok: false; actingAs: string } {
    const key = createHash('sha256').update(sessionId).digest('base64url');
    let sessions = this.#byChannel.get(channelId);
    if (!sessions) {
      sessions = new Map();
      this.#byChannel.set(channelId, sessions);
    }
    const first = sessions.get(key);
    if (first === undefined) {
      sessions.set(key, as.id);
      return { ok: true };
    }
    return first === as.id ? { ok: true } : { ok: false, actingAs: first };
  }
}
