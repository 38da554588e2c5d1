import type { Config } from '../config/config.js';
import type { Logger } from '../util/logger.js';
import { createMetrics } from './metrics.js';
import { createPlaybookRuntime } from './playbook-runtime.js';
import type { Running } from './running.js';
import { startLocal } from './start-local.js';
import { startSlackBot } from './start-slack-bot.js';

export type { Running } from './running.js';

/**
 * Starts the engine and whatever front door the configuration asks for: Slack, or with no
 * SLACK_BOT_TOKEN, Reclaim Local (the same bot against the embedded console).
 */
export async function startFrontDoor(config: Config, logger: Logger): Promise<Running> {
  const metrics = createMetrics();
  const playbooks = createPlaybookRuntime(config, logger, { observer: metrics.provider });
  await playbooks.ready();
  const closing = (running: Running): Running => ({
    url: running.url,
    async stop() {
      await running.stop();
      await playbooks.close();
    },
  });
  if (config.mode === 'slack') {
    const slack = await startSlackBot(config, logger, playbooks, { metrics });
    metrics.watch({ db: slack.engine.db, limiterQueues: () => playbooks.queued() });
    return closing(slack);
  }
  const local = await startLocal(config, logger, playbooks, { metrics });
  metrics.watch({ db: local.slack.engine.db, limiterQueues: () => playbooks.queued() });
  return closing(local);
}
