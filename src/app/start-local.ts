import { resolve } from 'node:path';
import { assertLocalModeAllowed, type Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { openDb } from '../db/open-db.js';
import { prepareSchema } from '../db/prepare-schema.js';
import { findIncidentByChannel } from '../db/repos/incidents-repo.js';
import type { PlaybookRuntime } from '../incidents/deps.js';
import { LOCAL_APPROVERS, LOCAL_PEOPLE } from '../sandbox/slack/model/local-users.js';
import { type LocalSlack, startLocalSlack } from '../sandbox/slack/start-local-slack.js';
import {
  type LocalCredentials,
  loadOrCreateLocalCredentials,
} from '../sandbox/slack/store/local-credentials.js';
import type { Logger } from '../util/logger.js';
import type { Metrics } from './metrics.js';
import type { Running } from './running.js';
import { type SlackBot, startSlackBot } from './start-slack-bot.js';

/** Reclaim Local's clock for Slack's rate windows and the bot's pacing: a Slack minute lasts 6 s. */
export const LOCAL_PACE = 0.1;

export interface LocalRunning extends Running {
  slack: SlackBot;
  console: LocalSlack;
}

export interface StartLocalOptions {
  metrics?: Metrics;
  /** An open database to use instead of the configured one (tests); not closed on stop. */
  db?: Db;
  leaseMs?: number;
}

/**
 * The configuration the Slack front door runs with in local mode: the console's Web API and the
 * local credentials, Bolt's receiver on an internal 127.0.0.1 port, and the three local people as
 * the team (approver rights exist only here, in local mode).
 */
export function localSlackConfig(
  config: Config,
  local: LocalCredentials & { apiUrl: string; pace: number },
): Config {
  return {
    ...config,
    mode: 'local',
    slack: {
      ...config.slack,
      botToken: local.botToken,
      signingSecret: local.signingSecret,
      appToken: undefined,
      apiUrl: local.apiUrl,
      socketMode: false,
      pace: local.pace,
    },
    host: '127.0.0.1',
    port: 0,
    approvers: LOCAL_APPROVERS.map((u) => u.id),
    approverGroup: undefined,
    responders: LOCAL_PEOPLE.map((u) => u.id),
    highRiskApprovals: Math.min(config.highRiskApprovals, LOCAL_APPROVERS.length),
  };
}

/** The warning a channel shows when its incident works on a real provider account, not a simulator. */
export function realAccountNotice(db: Db): (channelId: string) => Promise<string | null> {
  return async (channelId) => {
    const incident = await findIncidentByChannel(db, channelId);
    if (!incident || incident.rehearsal) return null;
    return `This incident acts on your real ${incident.provider} account: every approved change is made for real.`;
  };
}

/**
 * Reclaim Local (no SLACK_BOT_TOKEN): the database (PGlite in DATA_DIR unless DATABASE_URL), the
 * console with its Slack Web API on HOST:PORT (127.0.0.1:3000), then the real Slack front door
 * pointed at it. Clicks and commands from the page reach the bot's receiver as signed requests.
 */
export async function startLocal(
  config: Config,
  logger: Logger,
  playbooks: PlaybookRuntime,
  options: StartLocalOptions = {},
): Promise<LocalRunning> {
  assertLocalModeAllowed(config);
  const dataDir = resolve(config.dataDir);
  const credentials = await loadOrCreateLocalCredentials(dataDir);
  const ownsDb = !options.db;
  const db = options.db ?? (await openDb({ databaseUrl: config.databaseUrl, dataDir }));
  let local: LocalSlack | undefined;
  try {
    const applied = await prepareSchema(db, { ownerUrl: config.databaseOwnerUrl, logger });
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const pace = config.slack.pace === 1 ? LOCAL_PACE : config.slack.pace;
    local = await startLocalSlack({
      host: config.host,
      port: config.port,
      logger,
      botToken: credentials.botToken,
      db,
      tierScale: pace,
      channelNotice: realAccountNotice(db),
    });
    const slack = await startSlackBot(
      localSlackConfig(config, { ...credentials, apiUrl: local.apiUrl, pace }),
      logger,
      playbooks,
      {
        db,
        pacing: { timeScale: pace },
        ...(options.metrics ? { metrics: options.metrics } : {}),
        ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      },
    );
    local.connectBot({ eventsUrl: `${slack.url}/slack/events`, signingSecret: credentials.signingSecret });
    local.mount(slack.engine.routes);
    if (config.approvers.length + config.responders.length > 0 || config.approverGroup) {
      logger.info(
        'Reclaim Local ignores RECLAIM_APPROVERS, RECLAIM_APPROVER_GROUP and RECLAIM_RESPONDERS: its team is the console’s three people',
      );
    }
    const url = `${local.url}/`;
    logger.info(
      { url, database: db.kind },
      `Reclaim Local: open ${url} and type /compromise start sandbox demo`,
    );
    const opened = local;
    return {
      url: local.url,
      slack,
      console: opened,
      async stop() {
        await slack.stop();
        await opened.close();
        if (ownsDb) await db.close();
      },
    };
  } catch (err) {
    await local?.close().catch(() => undefined);
    if (ownsDb) await db.close().catch(() => undefined);
    throw err;
  }
}
