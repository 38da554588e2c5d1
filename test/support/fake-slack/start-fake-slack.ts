import { ResponseUrlBook, TriggerBook } from '../../../src/sandbox/slack/api/interaction-tokens.js';
import { ALL_METHODS } from '../../../src/sandbox/slack/api/methods/all-methods.js';
import { TierLimiter } from '../../../src/sandbox/slack/api/tier-limiter.js';
import {
  clickButton,
  sendCommand,
  submitView,
} from '../../../src/sandbox/slack/interactions/interactions.js';
import { findButtons } from '../../../src/sandbox/slack/model/find-buttons.js';
import {
  channelEphemerals,
  channelList,
  channelMessages,
  channelPins,
} from '../../../src/sandbox/slack/model/read-workspace.js';
import { LocalSlackError } from '../../../src/sandbox/slack/model/slack-api-error.js';
import type { CallRecord } from '../../../src/sandbox/slack/model/types.js';
import { Workspace } from '../../../src/sandbox/slack/model/workspace.js';
import { connectionsOpenRoute } from '../fake-socket-mode/connections-open-route.js';
import { socketBotTarget } from '../fake-socket-mode/socket-bot-target.js';
import { startFakeSocketMode } from '../fake-socket-mode/start-fake-socket-mode.js';
import type { FakeSlack, FakeSlackOptions } from './fake-slack-handle.js';
import { listen } from './http-server.js';
import { waitFor } from './wait-for.js';
import { DEFAULT_USERS } from './workspace.js';

export type { FakeSlack, FakeSlackOptions } from './fake-slack-handle.js';

/** Starts a Slack stand-in on 127.0.0.1: the Web API over an in-memory workspace, plus a user driving the bot. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const extra = (options.users ?? []).map((id) => ({ id, name: id.toLowerCase(), isBot: false }));
  const ws = new Workspace({
    teamId: options.teamId ?? 'T1',
    teamName: 'Fake Workspace',
    teamDomain: 'fake-workspace',
    appId: 'AFAKEAPP',
    botUserId: options.botUserId ?? 'UBOT',
    botId: options.botId ?? 'BBOT',
    people: [...DEFAULT_USERS, ...extra.filter((u) => !DEFAULT_USERS.some((d) => d.id === u.id))],
    now,
  });
  for (const [id, users] of Object.entries(options.usergroups ?? {})) ws.usergroups.set(id, users);
  const limiter = new TierLimiter({
    now,
    enabled: options.tierLimits ?? true,
    tierScale: options.tierScale,
    limits: options.limits,
  });
  const triggers = new TriggerBook(now);
  const responses = new ResponseUrlBook(now);
  let expireResponses = 0;
  const useResponse = responses.use.bind(responses);
  responses.use = (id) => {
    if (expireResponses === 0) return useResponse(id);
    expireResponses -= 1;
    return 'expired_url';
  };
  const calls: CallRecord[] = [];
  const failures: Error[] = [];
  let baseUrl = '';
  const socket = options.socketMode ? await startFakeSocketMode(options.socketMode) : undefined;
  let bot = options.bot ?? (socket ? socketBotTarget(socket) : undefined);
  const uploadUrl = (fileId: string) => `${baseUrl}/upload/${fileId}`;
  const { server, baseUrl: bound } = await listen(
    {
      ws,
      methods: ALL_METHODS,
      limiter,
      triggers,
      calls,
      uploadUrl,
      botToken: options.botToken,
      responses,
      failures,
      ...(socket ? { intercept: connectionsOpenRoute(socket, calls) } : {}),
    },
    options.host ?? '127.0.0.1',
    options.port ?? 0,
  );
  baseUrl = bound;
  const drive = {
    ws,
    triggers,
    responses,
    responseUrl: (id: string) => `${baseUrl}/response/${id}`,
    bot: () => {
      if (!bot) throw new LocalSlackError('no bot connected: pass options.bot or call connectBot()');
      return bot;
    },
  };

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    workspace: ws,
    ...(socket ? { socket } : {}),
    calls,
    failures,
    get channels() {
      return channelList(ws);
    },
    get views() {
      return [...ws.views.values()];
    },
    get files() {
      return [...ws.files.values()];
    },
    messages: (channel) => channelMessages(ws, channel),
    ephemerals: (channel, user) => channelEphemerals(ws, channel, user),
    pins: (channel) => channelPins(ws, channel),
    channelByName: (name) => channelList(ws).find((c) => c.name === name),
    callsTo: (method) => calls.filter((c) => c.method === method),
    addUser: (id, name) => void ws.addUser(id, name),
    setUsergroup: (id, users) => void ws.usergroups.set(id, [...users]),
    markUninvitable: (userId) => void ws.uninvitable.add(userId),
    revokeToken: (token) => void ws.revokedTokens.add(token),
    rateLimitNext: (method, count, retryAfterSec = 1) => limiter.forceNext(method, count, retryAfterSec),
    expireNextResponses: (count) => {
      expireResponses = count;
    },
    connectBot: (target) => {
      bot = target;
    },
    command: (userId, command, text, opts) => sendCommand(drive, userId, command, text, opts),
    findButtons: (channel, predicate) => findButtons(channelMessages(ws, channel), predicate),
    click: (userId, button, opts) => clickButton(drive, userId, button, opts),
    submitView: (userId, viewId, values, opts) => submitView(drive, userId, viewId, values, opts),
    waitFor: (predicate, opts) => waitFor(predicate, opts),
    close: async () => {
      await socket?.close();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      });
    },
  };
}
