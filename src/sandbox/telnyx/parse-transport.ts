import type { SimRequest } from './sim-http.js';

/** The path after the base's `/v2` (`https://api.telnyx.com/v2/ips?x` → `/ips`); the whole path if none. */
export function pathAfterV2(pathname: string): string {
  const match = /\/v2(?=\/|$)/.exec(pathname);
  if (!match) return pathname;
  return pathname.slice(match.index + 3) || '/';
}

/** A request body as the handler takes it: parsed JSON, or flagged when it is not JSON. */
export function parseBodyText(text: string | undefined): Pick<SimRequest, 'body' | 'malformedBody'> {
  if (text === undefined || text.trim() === '') return {};
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { malformedBody: true };
  }
}
