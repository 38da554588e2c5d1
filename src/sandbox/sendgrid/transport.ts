/** The path from `/v3` on (`http://127.0.0.1:9/proxy/v3/api_keys` → `/v3/api_keys`); the whole path if none. */
export function pathFromV3(pathname: string): string {
  const match = /\/v3(?=\/|$)/.exec(pathname);
  return match ? pathname.slice(match.index) : pathname;
}

export { parseBodyText } from '../telnyx/parse-transport.js';
