import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from '../api/http-io.js';
import type { LocalUser } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { renderFragments, renderPage } from '../render/render-page.js';
import type { ActionDeps } from './console-actions.js';
import { answerConsolePost } from './console-post.js';
import { actingPerson } from './console-request.js';
import type { ConsoleSessions } from './console-session.js';
import type { LiveUpdates } from './live-updates.js';
import { ASSET_NAMES, type ConsoleAssets } from './load-assets.js';
import { chosenChannel, readConsoleView } from './read-console-view.js';
import type { SessionActors } from './session-actors.js';

export interface ConsoleApp {
  ws: Workspace;
  people: readonly LocalUser[];
  actions: ActionDeps;
  live: LiveUpdates;
  assets: ConsoleAssets;
  /** Browser sessions and their CSRF tokens. */
  sessions: ConsoleSessions;
  /** Who each session acts as in real-account channels. */
  actors: SessionActors;
  /**
   * A warning for a channel whose incident acts on a real account, or null. Non-null also means
   * one browser session acts there as one person only.
   */
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

/** What a page or its fragments show; the request's session (made now if it has none) gives the forms their token. */
async function view(
  app: ConsoleApp,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
  since: number,
) {
  const { token } = app.sessions.ensure(req, res);
  const as = actingPerson(app.people, req, query);
  const channelId = chosenChannel(app.ws, as.id, query.get('channel') ?? undefined);
  const notice = channelId ? await app.channelNotice(channelId) : null;
  return readConsoleView(app.ws, { as, people: app.people, channelId, notice, since, csrf: token });
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
  if (req.method === 'POST' && path[0] === 'console') return answerConsolePost(app, req, res, path);
  if (req.method !== 'GET') return false;
  if (url.pathname === '/') {
    send(res, 200, renderPage(await view(app, req, res, url.searchParams, app.ws.now())), PAGE_HEADERS);
    return true;
  }
  if (url.pathname === '/console/fragment') {
    send(
      res,
      200,
      renderFragments(
        await view(app, req, res, url.searchParams, Number(url.searchParams.get('since')) || 0),
      ),
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
