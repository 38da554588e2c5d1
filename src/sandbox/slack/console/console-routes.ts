import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, send } from '../api/http-io.js';
import { LocalSlackError } from '../model/slack-api-error.js';
import type { LocalUser } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { renderFragments, renderPage } from '../render/render-page.js';
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
import type { LiveUpdates } from './live-updates.js';
import { ASSET_NAMES, type ConsoleAssets } from './load-assets.js';
import { chosenChannel, readConsoleView } from './read-console-view.js';

export interface ConsoleApp {
  ws: Workspace;
  people: readonly LocalUser[];
  actions: ActionDeps;
  live: LiveUpdates;
  assets: ConsoleAssets;
  /** A warning for a channel (its incident acts on a real account), or null. */
  channelNotice(channelId: string): Promise<string | null>;
}

/** The page runs only its own script and style; nothing is fetched from elsewhere, nothing frames it. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

async function view(app: ConsoleApp, req: IncomingMessage, query: URLSearchParams, since: number) {
  const as = actingPerson(app.people, req, query);
  const channelId = chosenChannel(app.ws, as.id, query.get('channel') ?? undefined);
  const notice = channelId ? await app.channelNotice(channelId) : null;
  return readConsoleView(app.ws, { as, people: app.people, channelId, notice, since });
}

function download(
  app: ConsoleApp,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  query: URLSearchParams,
) {
  const file = app.ws.files.get(id);
  const as = actingPerson(app.people, req, query);
  const channel = file?.channel ? app.ws.channels.get(file.channel) : undefined;
  if (!file?.completed || !file.bytes || !channel?.members.has(as.id))
    return send(res, 404, 'file_not_found');
  const name = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  res.writeHead(200, {
    'content-type': name.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/octet-stream',
    'content-disposition': `attachment; filename="${name}"`,
    'cache-control': 'no-store',
  });
  res.end(file.bytes);
}

async function act(
  app: ConsoleApp,
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

async function post(
  app: ConsoleApp,
  req: IncomingMessage,
  res: ServerResponse,
  path: string[],
): Promise<boolean> {
  const form = new URLSearchParams((await readBody(req, 1024 * 1024)).toString('utf8'));
  const as = actingPerson(app.people, req, form);
  if (path.length === 2 && path[1] === 'as') {
    res.writeHead(303, {
      location: pageFor(form.get('channel')),
      'set-cookie': `${AS_COOKIE}=${encodeURIComponent(as.id)}; Path=/; HttpOnly; SameSite=Strict`,
    });
    res.end();
    return true;
  }
  const result = await act(app, path, as, form).catch(failure);
  if (!result) return false;
  if (wantsJson(req)) send(res, 200, result);
  else {
    res.writeHead(303, { location: pageFor(form.get('channel')) });
    res.end();
  }
  return true;
}

/**
 * The console's own routes: the page, its fragments and live updates, file downloads, the
 * page's script and style, and the actions a person takes. False when the path is none of them.
 */
export async function answerConsoleRoute(
  app: ConsoleApp,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://console');
  const path = url.pathname.split('/').slice(1);
  if (req.method === 'POST' && path[0] === 'console') return post(app, req, res, path);
  if (req.method !== 'GET') return false;
  if (url.pathname === '/') {
    send(res, 200, renderPage(await view(app, req, url.searchParams, app.ws.now())), PAGE_HEADERS);
    return true;
  }
  if (url.pathname === '/console/fragment') {
    send(
      res,
      200,
      renderFragments(await view(app, req, url.searchParams, Number(url.searchParams.get('since')) || 0)),
    );
    return true;
  }
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  if (url.pathname === '/console/events') {
    app.live.add(res);
    return true;
  }
  if (path[0] === 'console' && path[1] === 'files' && path[2] && path.length === 3) {
    download(app, req, res, path[2], url.searchParams);
    return true;
  }
  const asset =
    path[0] === 'assets' && path.length === 2 ? ASSET_NAMES.find((n) => n === path[1]) : undefined;
  if (asset) {
    const type = asset.endsWith('.js') ? 'text/javascript' : 'text/css';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
    res.end(app.assets[asset]);
    return true;
  }
  return false;
}
