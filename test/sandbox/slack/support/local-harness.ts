import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type LocalRunning, startLocal } from '../../../../src/app/start-local.js';
import { loadConfig } from '../../../../src/config/config.js';
import { findButtons } from '../../../../src/sandbox/slack/model/find-buttons.js';
import {
  channelEphemerals,
  channelList,
  channelMessages,
} from '../../../../src/sandbox/slack/model/read-workspace.js';
import type { FoundButton } from '../../../../src/sandbox/slack/model/types.js';
import { createLogger } from '../../../../src/util/logger.js';
import { FakeAccount, fakeRuntime } from '../../../support/fake-playbook.js';
import { waitFor } from '../../../support/fake-slack/wait-for.js';
import { createTestDb, type TestDb } from '../../../support/test-db.js';
import { type BrowserSession, openSession, postForm } from './browser-session.js';

export const REQUESTER = 'ULOCALREQ';
export const APPROVER_1 = 'ULOCALAPP1';
export const APPROVER_2 = 'ULOCALAPP2';

export interface ActionAnswer {
  ok: boolean;
  notice?: string;
}

export interface LocalHarness {
  local: LocalRunning;
  t: TestDb;
  account: FakeAccount;
  dataDir: string;
  logs(): string;
  /**
   * POSTs a console form as `as` (what the page script sends) and returns the page's answer. Each
   * person uses their own browser session (cookie and CSRF token) unless `session` is given.
   */
  act(
    as: string,
    path: string,
    fields: Record<string, string>,
    session?: BrowserSession,
  ): Promise<ActionAnswer>;
  /** The browser session `as` uses (opened on first use). */
  sessionOf(as: string): Promise<BrowserSession>;
  /** The page fragments one person sees for a channel. */
  fragment(as: string, channel: string): Promise<{ channel: string; modals: string; channels: string }>;
  /** Types into a channel's message box. */
  type(as: string, channel: string, text: string): Promise<ActionAnswer>;
  /** Clicks a button found on the workspace as the page shows it. */
  click(as: string, button: FoundButton, session?: BrowserSession): Promise<ActionAnswer>;
  buttons(channel: string, actionId: string, cardMentions?: string): FoundButton[];
  channelText(channel: string): string;
  ephemeralText(channel: string, user: string): string;
  incidentChannel(): Promise<{ id: string; name: string }>;
  stop(): Promise<void>;
}

/**
 * Reclaim Local as `npm start` runs it (startLocal: the console, its Web API, the real Slack front
 * door), on an isolated database, driven only through the console's HTTP interface.
 */
export async function startLocalHarness(env: Record<string, string> = {}): Promise<LocalHarness> {
  const t = await createTestDb();
  const dataDir = await mkdtemp(join(tmpdir(), 'reclaim-local-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', RECLAIM_SLACK_PACE: '0.01', ...env });
  const sink = new PassThrough();
  let logText = '';
  sink.on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  const logger = createLogger({ level: 'debug', destination: sink });
  const account = new FakeAccount();
  const local = await startLocal(config, logger, fakeRuntime(account), { db: t.db, leaseMs: 3_000 });
  const ws = local.console.workspace;
  const sessions = new Map<string, Promise<BrowserSession>>();
  const sessionOf = (as: string) => {
    let session = sessions.get(as);
    if (!session) {
      session = openSession(local.url);
      sessions.set(as, session);
    }
    return session;
  };
  const act = async (as: string, path: string, fields: Record<string, string>, session?: BrowserSession) => {
    const res = await postForm(local.url, path, { as, ...fields }, session ?? (await sessionOf(as)));
    return (await res.json()) as ActionAnswer;
  };
  const buttons = (channel: string, actionId: string, cardMentions?: string) =>
    findButtons(channelMessages(ws, channel), (b) => b.actionId === actionId).filter(
      (b) =>
        !cardMentions ||
        JSON.stringify(channelMessages(ws, channel).find((m) => m.ts === b.messageTs)?.blocks).includes(
          cardMentions,
        ),
    );
  return {
    local,
    t,
    account,
    dataDir,
    logs: () => logText,
    act,
    sessionOf,
    async fragment(as, channel) {
      const res = await fetch(`${local.url}/console/fragment?channel=${channel}&as=${as}`);
      return (await res.json()) as { channel: string; modals: string; channels: string };
    },
    type: (as, channel, text) => act(as, '/console/command', { channel, text }),
    click: (as, b, session) =>
      act(
        as,
        '/console/click',
        { channel: b.channel, ts: b.messageTs, action: JSON.stringify([b.blockId, b.actionId]) },
        session,
      ),
    buttons,
    channelText: (channel) =>
      channelMessages(ws, channel)
        .map((m) => `${m.text}\n${JSON.stringify(m.blocks)}`)
        .join('\n'),
    ephemeralText: (channel, user) =>
      channelEphemerals(ws, channel, user)
        .map((e) => `${e.text}\n${JSON.stringify(e.blocks)}`)
        .join('\n'),
    incidentChannel: () =>
      waitFor(() => channelList(ws).find((c) => c.name.startsWith('compromise-')), {
        timeoutMs: 15_000,
        description: 'the incident channel exists',
      }),
    async stop() {
      await local.stop();
      await t.cleanup();
    },
  };
}
