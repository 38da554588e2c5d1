// A browser session with the console as a test holds it: its cookie and the CSRF token its page carries.

export interface BrowserSession {
  cookie: string;
  token: string;
}

/** Loads the console page as a new browser would: the session cookie it sets and the token it embeds. */
export async function openSession(baseUrl: string): Promise<BrowserSession> {
  const res = await fetch(`${baseUrl}/`);
  const set = res.headers.getSetCookie().find((c) => c.startsWith('reclaim_local_session='));
  const html = await res.text();
  const token = /<meta name="reclaim-csrf" content="([^"]+)">/.exec(html)?.[1];
  if (!set || !token) throw new Error('the console page set no session cookie or embedded no token');
  return { cookie: set.split(';')[0]!, token };
}

/** POSTs a console form the way the page script does, in `session` (or with no session at all). */
export function postForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  session: Partial<BrowserSession> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      ...(session.cookie ? { cookie: session.cookie } : {}),
    },
    body: new URLSearchParams({ ...fields, ...(session.token ? { csrf: session.token } : {}) }),
  });
}
