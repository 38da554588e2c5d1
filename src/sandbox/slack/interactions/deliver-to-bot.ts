import { request } from 'node:http';
import { type SignOptions, slackSignatureHeaders } from './sign-request.js';

/** Where the bot listens (Bolt's HTTP receiver) and the secret it verifies requests with. */
export interface HttpBotTarget {
  eventsUrl: string;
  signingSecret: string;
}

/**
 * A bot reached another way (Socket Mode, in tests): handed the form Slack would POST (a command's
 * fields, or `payload` with an interaction's JSON) and answering with the bot's ack.
 */
export interface DeliveringBotTarget {
  deliver(form: Record<string, string>): Promise<Delivery>;
}

export type BotTarget = HttpBotTarget | DeliveringBotTarget;

/** The bot's HTTP answer to one delivery: the status and the ack body (JSON-parsed when it is JSON). */
export interface Delivery {
  status: number;
  body: unknown;
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            type: String(res.headers['content-type'] ?? ''),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs a form to the bot as Slack does for slash commands and interactivity: url-encoded, signed
 * over the exact bytes sent, with the current wall-clock timestamp (the bot checks it against its own).
 * Only ever sent to the bot's own receiver on this machine.
 */
export async function deliverToBot(
  target: BotTarget,
  form: Record<string, string>,
  sign: SignOptions = {},
): Promise<Delivery> {
  if ('deliver' in target) return target.deliver(form);
  const rawBody = new URLSearchParams(form).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    ...slackSignatureHeaders(target.signingSecret, rawBody, Date.now(), sign),
  };
  const response = await post(new URL(target.eventsUrl), headers, rawBody);
  let body: unknown = response.text;
  if (response.type.includes('json') || /^\s*[{[]/.test(response.text)) {
    try {
      body = JSON.parse(response.text);
    } catch {
      body = response.text;
    }
  }
  return { status: response.status, body };
}
