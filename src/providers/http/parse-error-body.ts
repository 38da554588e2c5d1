/** Headers that carry the provider's id for one request, in the order they are tried. */
const REQUEST_ID_HEADERS = ['x-request-id', 'twilio-request-id', 'x-message-id'];

/** Longest provider text kept in a message; some providers answer errors with an HTML page. */
const MAX_DETAIL = 300;

/**
 * The provider's error code and explanation from an error body, whichever of the three shapes it
 * has (not yet redacted: the caller does that):
 * - Telnyx `{ errors: [{ code, title, detail, source }] }` → code, detail (or title);
 * - SendGrid `{ errors: [{ message, field }] }` → message as the code, `field <name>` as detail;
 * - Twilio `{ code, message, more_info, status }` → code, message.
 * A body that is not JSON gives its first line as the detail, if it is short text.
 */
export function parseErrorBody(text: string) {
  const body = parseJson(text);
  if (body === undefined) return { providerCode: null, detail: plainText(text) };
  if (!isRecord(body)) return { providerCode: null, detail: null };
  const first = Array.isArray(body.errors) ? body.errors[0] : undefined;
  if (isRecord(first)) {
    const code = scalar(first.code);
    if (code !== null)
      return { providerCode: code, detail: clip(scalar(first.detail) ?? scalar(first.title)) };
    const field = scalar(first.field);
    return { providerCode: clip(scalar(first.message)), detail: field === null ? null : `field ${field}` };
  }
  const code = scalar(body.code);
  const message = scalar(body.message) ?? scalar(body.error_description) ?? scalar(body.error);
  return { providerCode: code, detail: clip(message) };
}

/** The provider's request id: a response header first, else a `request_id` in the body. */
export function findRequestId(headers: Headers, text: string): string | null {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value) return value;
  }
  const body = parseJson(text);
  if (!isRecord(body)) return null;
  const meta = isRecord(body.meta) ? body.meta : {};
  return scalar(body.request_id) ?? scalar(body.requestId) ?? scalar(meta.request_id);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function plainText(text: string): string | null {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  return line === '' || line.startsWith('<') ? null : clip(line);
}

function clip(text: string | null): string | null {
  return text !== null && text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
