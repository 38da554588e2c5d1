// The console's POSTs: checked for the session's CSRF token and, on a real account, one person per browser.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../api/http-io.js';
import { LocalSlackError } from '../model/slack-api-error.js';
import type { LocalUser } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import {
  type ActionDeps,
  type ActionResult,
  clickInMessage,
  closeModal,
  dismissEphemeral,
  submitModal,
  typeInChannel,
} from './console-actions.js';
import { AS_COOKIE, actingPerson, pageFor, wantsJson } from './console-request.js';
import type { ConsoleSession, ConsoleSessions } from './console-session.js';
import { type SessionActors, secondPersonRefusal } from './session-actors.js';

/** What the POST routes need of the console. */
export interface ConsolePostApp {
  ws: Workspace;
  people: readonly LocalUser[];
  actions: ActionDeps;
  sessions: ConsoleSessions;
  actors: SessionActors;
  /** Non-null for a channel whose incident acts on a real account. */
  channelNotice(channelId: string): Promise<string | null>;
}

const STALE_PAGE =
  'This page cannot act: it is out of date (Reclaim Local restarted) or not the console’s own. Reload it.';

async function act(
  app: ConsolePostApp,
  path: string[],
  as: LocalUser,
  form: URLSearchParams,
): Promise<ActionResult | null> {
  const [, area, id, verb] = path;
  if (path.length === 2 && area === 'command') return typeInChannel(app.actions, as, form);
  if (path.length === 2 && area === 'click') return clickInMessage(app.actions, as, form);
  if (area === 'views' && id && verb === 'submit') return submitModal(app.actions, as, id, form);
  if (area === 'views' && id && verb === 'close') return closeModal(app.actions, as, id);
  if (area === 'ephemerals' && id && verb === 'dismiss') return dismissEphemeral(app.actions, as, id);
  return null;
}

function failure(err: unknown): ActionResult {
  if (err instanceof LocalSlackError) return { ok: false, notice: err.message };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET') {
    return { ok: false, notice: 'Reclaim is not answering; is it still starting? Try again in a moment.' };
  }
  throw err;
}

/**
 * A message typed or a button clicked in a channel whose incident acts on a real account: the
 * session must act there as the person it first acted as there. (A modal is opened by its own
 * person's click or command, so it was checked then.) Null when the action may go on.
 */
async function secondPerson(
  app: ConsolePostApp,
  session: ConsoleSession,
  path: string[],
  as: LocalUser,
  form: URLSearchParams,
): Promise<ActionResult | null> {
  const channel = form.get('channel');
  if (path.length !== 2 || (path[1] !== 'command' && path[1] !== 'click') || !channel) return null;
  if ((await app.channelNotice(channel)) === null) return null;
  const claim = app.actors.claim(session.id, channel, as);
  if (claim.ok) return null;
  const first = app.people.find((p) => p.id === claim.actingAs);
  return { ok: false, notice: secondPersonRefusal(first?.realName ?? first?.name ?? claim.actingAs) };
}

function answer(req: IncomingMessage, res: ServerResponse, result: ActionResult, form: URLSearchParams) {
  if (wantsJson(req)) send(res, 200, result);
  else {
    res.writeHead(303, { location: pageFor(form.get('channel')) });
    res.end();
  }
}

/**
 * A POST under /console/: refused with 403 (nothing changes, nothing reaches the bot) unless it
 * carries the CSRF token of the session its cookie names; then the switcher, or an action taken as
 * the acting person. False when the path is none of them.
 */
export async function answerConsolePost(
  app: ConsolePostApp,
  req: IncomingMessage,
  res: ServerResponse,
  path: string[],
): Promise<boolean> {
  const form = new URLSearchParams((await readBody(req, 1024 * 1024)).toString('utf8'));
  const session = app.sessions.verify(req, form);
  if (!session) {
    send(res, 403, wantsJson(req) ? { ok: false, notice: STALE_PAGE } : `Forbidden: ${STALE_PAGE}`);
    return true;
  }
  const as = actingPerson(app.people, req, form);
  if (path.length === 2 && path[1] === 'as') {
    res.writeHead(303, {
      location: pageFor(form.get('channel')),
      'set-cookie': `${AS_COOKIE}=${encodeURIComponent(as.id)}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end();
    return true;
  }
  const refused = await secondPerson(app, session, path, as, form);
  const result = refused ?? (await act(app, path, as, form).catch(failure));
  if (!result) return false;
  answer(req, res, result, form);
  return true;
}
