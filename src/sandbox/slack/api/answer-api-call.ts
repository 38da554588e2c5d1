import { SlackApiError } from '../model/slack-api-error.js';
import type { CallRecord, SlackArgs } from '../model/types.js';
import { tokenFingerprint, type Workspace } from '../model/workspace.js';
import { optionalString, parseArgs } from './args.js';
import type { TriggerBook } from './interaction-tokens.js';
import type { MethodTable } from './methods/method-context.js';
import type { TierLimiter } from './tier-limiter.js';

/** Methods that only read: answering them changes nothing worth saving or showing. */
const READ_ONLY = new Set(['auth.test', 'users.info', 'usergroups.users.list', 'conversations.info']);

export interface ApiDeps {
  ws: Workspace;
  methods: MethodTable;
  limiter: TierLimiter;
  triggers: TriggerBook;
  /** When given, every call is recorded here (tests); the console keeps none. */
  calls?: CallRecord[];
  uploadUrl: (fileId: string) => string;
  /** When set, the only bot token accepted; otherwise any `xoxb-` token is. */
  botToken: string | undefined;
  /** Told after every call that changed the workspace (the console saves and redraws). */
  changed?: () => void;
}

export interface ApiRequest {
  method: string;
  raw: string;
  contentType: string;
  query: URLSearchParams;
  authorization: string | undefined;
}

export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function checkToken(deps: ApiDeps, token: string | undefined): string {
  if (token === undefined) throw new SlackApiError('not_authed');
  if (deps.ws.revokedTokens.has(token)) throw new SlackApiError('token_revoked');
  const accepted = deps.botToken === undefined ? token.startsWith('xoxb-') : token === deps.botToken;
  if (!accepted) throw new SlackApiError('invalid_auth');
  return token;
}

function answer(
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): ApiAnswer {
  return { status, body, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
}

/**
 * One Web API call, from request to answer, the way Slack orders it: unknown method, then the
 * token, then the rate limit, then the method itself. Methods see a fingerprint of the token, never
 * the token; recorded calls keep their arguments without it.
 */
export function answerApiCall(deps: ApiDeps, request: ApiRequest): ApiAnswer {
  const at = new Date(deps.ws.now());
  let args: SlackArgs = {};
  const record = (result: ApiAnswer): ApiAnswer => {
    const { token: _token, ...kept } = args;
    const error = result.body.ok === true ? undefined : String(result.body.error);
    deps.calls?.push({ method: request.method, args: kept, at, status: result.status, ok: !error, error });
    if (!error && !READ_ONLY.has(request.method)) deps.changed?.();
    return result;
  };
  try {
    args = parseArgs(request.raw, request.contentType, request.query);
    const handler = deps.methods[request.method];
    if (!handler) throw new SlackApiError('unknown_method');
    const bearer = request.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = checkToken(deps, bearer ?? optionalString(args, 'token'));
    const decision = deps.limiter.check(request.method, optionalString(args, 'channel'));
    if (decision.limited) {
      return record(
        answer(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(decision.retryAfterSec) }),
      );
    }
    const ctx = {
      ws: deps.ws,
      token: tokenFingerprint(token),
      triggers: deps.triggers,
      uploadUrl: deps.uploadUrl,
    };
    return record(answer(200, { ok: true, ...handler(ctx, args) }));
  } catch (err) {
    if (err instanceof SlackApiError)
      return record(answer(200, { ok: false, error: err.code, ...err.extra }));
    throw err;
  }
}
