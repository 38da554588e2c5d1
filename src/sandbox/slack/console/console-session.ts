// A browser's session with the console (an HttpOnly cookie) and the CSRF token derived from it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readCookie } from './console-request.js';

/** The cookie that names one browser's session. */
export const SESSION_COOKIE = 'reclaim_local_session';
/** The form field (and header, for the page script) that carries the token. */
export const CSRF_FIELD = 'csrf';
export const CSRF_HEADER = 'x-reclaim-csrf';

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface ConsoleSession {
  id: string;
  /** What every form of this session's pages carries; a POST without it changes nothing. */
  token: string;
}

/**
 * Sessions of this process: an id is 32 random bytes kept in an HttpOnly, SameSite=Strict cookie;
 * its token is HMAC-SHA256 of the id under a key made when the process starts, so no one can
 * forge a token without reading a page of that session, and a restart makes old pages reload.
 */
export class ConsoleSessions {
  readonly #key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.#key = key;
  }

  tokenFor(id: string): string {
    return createHmac('sha256', this.#key).update(`reclaim-local-csrf:${id}`).digest('base64url');
  }

  /** The request's session, when its cookie names one. */
  read(req: IncomingMessage): ConsoleSession | null {
    const id = readCookie(req, SESSION_COOKIE);
    return id && SESSION_ID.test(id) ? { id, token: this.tokenFor(id) } : null;
  }

  /** The request's session, or a new one whose cookie is set on `res` (for the page and its fragments). */
  ensure(req: IncomingMessage, res: ServerResponse): ConsoleSession {
    const found = this.read(req);
    if (found) return found;
    const id = randomBytes(32).toString('base64url');
    res.appendHeader('set-cookie', `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict`);
    return { id, token: this.tokenFor(id) };
  }

  /** The session a POST acts in: its cookie's, and only when the form or header carries that session's token. */
  verify(req: IncomingMessage, form: URLSearchParams): ConsoleSession | null {
    const session = this.read(req);
    if (!session) return null;
    const header = req.headers[CSRF_HEADER];
    const given = form.get(CSRF_FIELD) ?? (typeof header === 'string' ? header : '');
    const a = Buffer.from(given);
    const b = Buffer.from(session.token);
    return a.length === b.length && timingSafeEqual(a, b) ? session : null;
  }
}
