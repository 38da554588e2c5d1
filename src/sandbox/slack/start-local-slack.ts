import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Queryable } from '../../db/db.js';
import type { Logger } from '../../util/logger.js';
import { answerSlackRoute, type SlackRouteDeps } from './api/api-routes.js';
import { send } from './api/http-io.js';
import { ResponseUrlBook, TriggerBook } from './api/interaction-tokens.js';
import { ALL_METHODS } from './api/methods/all-methods.js';
import { TierLimiter } from './api/tier-limiter.js';
import { allowedHosts } from './console/allowed-hosts.js';
import { isFromConsole } from './console/console-request.js';
import { answerConsoleRoute, type ConsoleApp } from './console/console-routes.js';
import { ConsoleSessions } from './console/console-session.js';
import { LiveUpdates } from './console/live-updates.js';
import { loadConsoleAssets } from './console/load-assets.js';
import { SessionActors } from './console/session-actors.js';
import type { BotTarget } from './interactions/deliver-to-bot.js';
import { LOCAL_PEOPLE, LOCAL_TEAM } from './model/local-users.js';
import { LocalSlackError } from './model/slack-api-error.js';
import { restoreSnapshot, takeSnapshot } from './model/snapshot.js';
import type { LocalUser } from './model/types.js';
import { Workspace } from './model/workspace.js';
import {
  createSaver,
  LOCAL_WORKSPACE_ID,
  loadWorkspaceSnapshot,
  saveWorkspaceSnapshot,
} from './store/workspace-store.js';

/** A plain route the console's port serves too (the engine's `/healthz` and `/metrics`). */
export interface PlainRoute {
  path: string;
  method: 'GET' | 'POST';
  handler(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

export interface LocalSlackOptions {
  host: string;
  port: number;
  logger: Logger;
  /** The only bot token the Web API accepts. */
  botToken: string;
  /** Where the workspace is kept (saved after each change, loaded at start); memory only without. */
  db?: Queryable;
  workspaceId?: string;
  people?: readonly LocalUser[];
  /** Shrinks Slack's rate windows (0.1: a minute lasts 6 s). Default 1. */
  tierScale?: number;
  /**
   * The warning a channel shows when its incident acts on a real account, or null. In a channel
   * with a warning, one browser session acts as one person only (no one is two approvers).
   */
  channelNotice?: (channelId: string) => Promise<string | null>;
}

export interface LocalSlack {
  /** The console page, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** The Web API base to give the bot as SLACK_API_URL (ends in `/api/`). */
  apiUrl: string;
  workspace: Workspace;
  connectBot(target: BotTarget): void;
  mount(routes: readonly PlainRoute[]): void;
  /** Resolves once the latest state of the workspace is saved. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const EPHEMERAL_MAX_AGE_MS = 60 * 60_000;

/**
 * Reclaim Local's Slack: a workspace with three local people, Slack's Web API over it (tiers,
 * errors, response_urls, uploads) and the console page, on one HTTP port. The bot talks to it
 * through SLACK_API_URL; what people do in the page reaches the bot as signed requests.
 */
export async function startLocalSlack(options: LocalSlackOptions): Promise<LocalSlack> {
  const { logger } = options;
  const people = options.people ?? LOCAL_PEOPLE;
  const now = Date.now;
  const ws = new Workspace({ ...LOCAL_TEAM, people, now, maxVersions: 20 });
  const id = options.workspaceId ?? LOCAL_WORKSPACE_ID;
  const saved = options.db ? await loadWorkspaceSnapshot(options.db, id) : null;
  if (saved !== null) {
    try {
      restoreSnapshot(ws, saved);
    } catch (err) {
      if (!(err instanceof LocalSlackError)) throw err;
      logger.warn(
        { code: err.code },
        'the saved console workspace could not be read; starting with an empty one',
      );
    }
  }
  const db = options.db;
  const saver = createSaver(
    async () => {
      if (db) await saveWorkspaceSnapshot(db, takeSnapshot(ws), id);
    },
    (err) => logger.warn({ err: (err as Error).message }, 'the console workspace was not saved'),
  );
  const live = new LiveUpdates();
  const changed = () => {
    saver.changed();
    live.notify();
  };
  const triggers = new TriggerBook(now);
  const responses = new ResponseUrlBook(now, { keepBodies: false });
  let baseUrl = '';
  let bot: BotTarget | undefined;
  let mounted: readonly PlainRoute[] = [];
  const slack: SlackRouteDeps = {
    ws,
    methods: ALL_METHODS,
    limiter: new TierLimiter({ now, enabled: true, tierScale: options.tierScale ?? 1 }),
    triggers,
    responses,
    uploadUrl: (fileId) => `${baseUrl}/upload/${fileId}`,
    botToken: options.botToken,
    changed,
  };
  const drive = {
    ws,
    triggers,
    responses,
    changed,
    responseUrl: (rid: string) => `${baseUrl}/response/${rid}`,
    bot: () => {
      if (!bot) throw new LocalSlackError('Reclaim is still starting; try again in a moment.');
      return bot;
    },
  };
  const app: ConsoleApp = {
    ws,
    people,
    actions: { ws, drive, changed },
    live,
    assets: await loadConsoleAssets(),
    sessions: new ConsoleSessions(),
    actors: new SessionActors(),
    channelNotice: options.channelNotice ?? (async () => null),
  };
  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      logger.error({ err: (err as Error).message, path: req.url }, 'console request failed');
      if (!res.headersSent) send(res, 500, { ok: false, error: 'internal_error' });
      else res.end();
    });
  });
  let hosts: ReadonlySet<string> = new Set();
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (await answerSlackRoute(slack, req, res)) return;
    const plain = mounted.find(
      (r) => r.method === req.method && r.path === new URL(req.url ?? '/', 'http://x').pathname,
    );
    if (plain) return plain.handler(req, res);
    if (!isFromConsole(req, hosts))
      return send(res, 403, 'Forbidden: this console only answers its own page.');
    if (!(await answerConsoleRoute(app, req, res))) send(res, 404, 'Not found');
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  hosts = allowedHosts(options.host, port);
  baseUrl = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const sweep = setInterval(() => {
    triggers.forget(60_000);
    responses.forgetExpired();
    const cutoff = now() - EPHEMERAL_MAX_AGE_MS;
    const kept = ws.ephemerals.filter((e) => e.at.getTime() >= cutoff);
    ws.ephemerals.splice(0, ws.ephemerals.length, ...kept);
  }, 60_000);
  sweep.unref();
  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    workspace: ws,
    connectBot: (target) => {
      bot = target;
    },
    mount: (routes) => {
      mounted = routes;
    },
    flush: () => saver.flush(),
    async close() {
      clearInterval(sweep);
      live.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await saver.flush();
    },
  };
}
