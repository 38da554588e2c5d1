import type { IncomingMessage } from 'node:http';
import type { LocalUser } from '../model/types.js';

/** The cookie that remembers who the page acts as (the user switcher). */
export const AS_COOKIE = 'reclaim_local_as';

/**
 * Whether a request to the console may be answered: one of its own Host names (allowed-hosts.ts),
 * and for a POST, not from another site. (Each POST also needs its session's CSRF token.)
 */
export function isFromConsole(req: IncomingMessage, hosts: ReadonlySet<string>): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return false;
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
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
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
