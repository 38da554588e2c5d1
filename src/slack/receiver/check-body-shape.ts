// Whether a signed body has the shape Slack sends, so Bolt is only ever handed what it can read.

const FORM = 'application/x-www-form-urlencoded';
/** A slash command's fields Bolt and the listener read; Slack always sends them, once each. */
const COMMAND_FIELDS = ['command', 'text', 'user_id', 'channel_id', 'team_id'] as const;

export type SlackBody =
  | { kind: 'ssl_check' }
  | { kind: 'command'; fields: Record<string, string> }
  | { kind: 'interaction' | 'event'; payload: Record<string, unknown> };

export type ShapeCheck = { ok: true; body: SlackBody } | { ok: false; problem: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** What an interaction payload must carry for its type (Bolt reads these without looking). */
function interactionProblem(payload: Record<string, unknown>): string | null {
  if (typeof payload.type !== 'string') return 'payload has no type';
  if ('user' in payload && !(isObject(payload.user) && typeof payload.user.id === 'string')) {
    return 'payload user is not an object with an id';
  }
  if (payload.type === 'block_actions' && !Array.isArray(payload.actions))
    return 'block_actions without actions';
  if ((payload.type === 'view_submission' || payload.type === 'view_closed') && !isObject(payload.view)) {
    return `${payload.type} without a view`;
  }
  return null;
}

function checkForm(text: string): ShapeCheck {
  const params = new URLSearchParams(text);
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in fields) return { ok: false, problem: `field ${key.slice(0, 40)} repeated` };
    fields[key] = value;
  }
  if (fields.ssl_check === '1') return { ok: true, body: { kind: 'ssl_check' } };
  if ('payload' in fields) {
    if (Object.keys(fields).length !== 1) return { ok: false, problem: 'payload beside other fields' };
    const payload = parseJsonObject(fields.payload ?? '');
    if (!payload) return { ok: false, problem: 'payload is not a JSON object' };
    const problem = interactionProblem(payload);
    return problem ? { ok: false, problem } : { ok: true, body: { kind: 'interaction', payload } };
  }
  const missing = COMMAND_FIELDS.filter((f) => fields[f] === undefined);
  if (missing.length > 0) return { ok: false, problem: `command without ${missing.join(', ')}` };
  if (!fields.command?.startsWith('/')) return { ok: false, problem: 'command does not start with /' };
  return { ok: true, body: { kind: 'command', fields } };
}

function checkJson(text: string): ShapeCheck {
  const payload = parseJsonObject(text);
  if (!payload) return { ok: false, problem: 'body is not a JSON object' };
  if (typeof payload.type !== 'string') return { ok: false, problem: 'event has no type' };
  if (
    payload.type === 'event_callback' &&
    !(isObject(payload.event) && typeof payload.event.type === 'string')
  ) {
    return { ok: false, problem: 'event_callback without an event' };
  }
  if (payload.type === 'url_verification' && typeof payload.challenge !== 'string') {
    return { ok: false, problem: 'url_verification without a challenge' };
  }
  return { ok: true, body: { kind: 'event', payload } };
}

/**
 * Slack sends slash commands as a form of single fields, interactivity as a form with one `payload`
 * field holding a JSON object, and the Events API as a JSON object. Anything else (a payload that
 * is `null` or an array, a repeated field, another content type, bytes that are not UTF-8) is refused.
 */
export function checkBodyShape(contentType: string | undefined, rawBody: Buffer): ShapeCheck {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    return { ok: false, problem: 'body is not UTF-8' };
  }
  // Bolt reads a form only under exactly this content type; anything else it parses as JSON.
  if (contentType === FORM) return checkForm(text);
  if (contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json') return checkJson(text);
  return { ok: false, problem: `content type ${String(contentType).slice(0, 60)} is not Slack's` };
}
