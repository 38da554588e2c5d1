import type { IncomingMessage } from 'node:http';
import type { LocalUser } from '../model/types.js';

/** The cookie that remembers who the page acts as (the user switcher). */
export const AS_COOKIE = 'reclaim_local_as';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The Host headers a console bound to a loopback address answers: anything else is a page on
 * another site reaching it by DNS rebinding. Null when bound elsewhere (HOST set): any host goes.
 */
export function allowedHosts(host: string, port: number): Set<string> | null {
  if (!LOOPBACK.has(host)) return null;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Whether a request to the console may be answered: the right Host, and for a POST, from the console's own page. */
export function isFromConsole(req: IncomingMessage, hosts: Set<string> | null): boolean {
  const host = req.headers.host ?? '';
  if (hosts && !hosts.has(host)) return false;
  if (req.method !== 'POST') return true;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Who acts: `as` in the form or query, else the switcher's cookie, else the first person. */
export function actingPerson(
  people: readonly LocalUser[],
  req: IncomingMessage,
  params: URLSearchParams,
): LocalUser {
  const wanted = params.get('as') ?? readCookie(req, AS_COOKIE);
  return people.find((p) => p.id === wanted) ?? people[0]!;
}

/** A browser's script asks for JSON; a plain form post gets redirected back to the page. */
export function wantsJson(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('application/json');
}

/** The page to go back to after a plain form post: the channel the form was about. */
export function pageFor(channel: string | null): string {
  return channel ? `/?channel=${encodeURIComponent(channel)}` : '/';
}
