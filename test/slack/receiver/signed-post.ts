// Raw requests at the bot's /slack/events: signed over exactly the bytes sent, or not, chunked or not.
import { request } from 'node:http';
import { slackSignatureHeaders } from '../../support/fake-slack/index.js';
import { SIGNING_SECRET } from '../../support/test-bot.js';

export interface RawAnswer {
  status: number;
  text: string;
}

export interface RawOptions {
  contentType?: string;
  /** Seconds before now for the timestamp (negative: in the future). */
  ageSec?: number;
  /** Send without Content-Length, in chunks. */
  chunked?: boolean;
  /** Headers to send as they are instead of signing now (a replay). */
  headers?: Record<string, string>;
}

export function signedHeaders(body: string, ageSec = 0): Record<string, string> {
  return slackSignatureHeaders(SIGNING_SECRET, body, Date.now(), { ageSec });
}

/** POSTs `body` to `url` (the bot's `/slack/events`) and resolves with the status and body of the answer. */
export function postRaw(url: string, body: string, options: RawOptions = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
    ...(options.headers ?? signedHeaders(body, options.ageSec)),
  };
  if (!options.chunked) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    if (!options.chunked) return void req.end(body);
    for (let i = 0; i < body.length; i += 8_192) req.write(body.slice(i, i + 8_192));
    req.end();
  });
}

/** A slash command form as Slack sends it (each field once), from UALICE in #general. */
export function commandBody(text: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'CGENERAL',
    channel_name: 'general',
    user_id: 'UALICE',
    user_name: 'ualice',
    command: '/compromise',
    text,
    api_app_id: 'AFAKEAPP',
    response_url: 'http://127.0.0.1:9/response/none',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    ...extra,
  }).toString();
}
