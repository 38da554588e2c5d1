import type { IncomingMessage, ServerResponse } from 'node:http';
import { SlackApiError } from '../model/slack-api-error.js';
import { type ApiDeps, answerApiCall } from './answer-api-call.js';
import { applyResponse } from './apply-response.js';
import { readBody, send } from './http-io.js';
import type { ResponseUrlBook } from './interaction-tokens.js';
import { storeUpload } from './store-upload.js';

export interface SlackRouteDeps extends ApiDeps {
  responses: ResponseUrlBook;
}

/** A message POSTed to a response_url: JSON (what Bolt's respond sends) or a form with `payload`. */
function answerResponseUrl(deps: SlackRouteDeps, id: string, raw: string, contentType: string) {
  const target = deps.responses.use(id);
  if (typeof target === 'string') return { status: 404, body: { ok: false, error: target } };
  let body: Record<string, unknown>;
  try {
    const json = contentType.includes('json') ? raw : (new URLSearchParams(raw).get('payload') ?? raw);
    body = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { status: 400, body: { ok: false, error: 'invalid_json' } };
  }
  try {
    applyResponse(deps.ws, target, body, 'response_url');
  } catch (err) {
    if (err instanceof SlackApiError) return { status: 400, body: { ok: false, error: err.code } };
    throw err;
  }
  deps.responses.record(target, body);
  deps.changed?.();
  return { status: 200, body: { ok: true } };
}

/**
 * Slack's side of the HTTP traffic with the bot: `/api/<method>` (the Web API), `/upload/<file id>`
 * (files.uploadV2's bytes) and `/response/<id>` (response_urls). Answers and returns true when the
 * path is one of these; returns false and leaves `res` alone otherwise.
 */
export async function answerSlackRoute(
  deps: SlackRouteDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local-slack');
  const [, area, name, ...rest] = url.pathname.split('/');
  if (!name || rest.length > 0 || !['api', 'upload', 'response'].includes(area ?? '')) return false;
  const raw = await readBody(req);
  const contentType = req.headers['content-type'] ?? '';
  if (area === 'api') {
    const request = {
      method: name,
      raw: raw.toString('utf8'),
      contentType,
      query: url.searchParams,
      authorization: req.headers.authorization,
    };
    const answer = answerApiCall(deps, request);
    send(res, answer.status, answer.body, answer.headers);
    return true;
  }
  if (req.method !== 'POST') {
    send(res, 405, { ok: false, error: 'method_not_allowed' });
    return true;
  }
  if (area === 'upload') {
    const stored = await storeUpload(deps.ws, name, raw, contentType);
    if (stored) deps.changed?.();
    if (stored) send(res, 200, `OK - ${stored.bytes?.length ?? 0}`);
    else send(res, 404, 'file_not_found');
    return true;
  }
  const answer = answerResponseUrl(deps, name, raw.toString('utf8'), contentType);
  send(res, answer.status, answer.body);
  return true;
}
