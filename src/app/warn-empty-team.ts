/** The start-up warning for a bot that holds provider keys but has no team to let open incidents. */
import { type Config, configuredProviders } from '../config/config.js';
import type { Logger } from '../util/logger.js';

export const EMPTY_TEAM_WARNING =
  'provider keys are set but no team is configured: nobody can open a real incident until RECLAIM_APPROVERS, RECLAIM_APPROVER_GROUP or RECLAIM_RESPONDERS is set';

/** Warns once at start-up when a provider key is set and RECLAIM_APPROVERS/_GROUP/RESPONDERS are all empty. */
export function warnIfNoTeam(config: Config, logger: Pick<Logger, 'warn'>): void {
  const providers = configuredProviders(config);
  const team = config.approvers.length + config.responders.length > 0 || Boolean(config.approverGroup);
  if (providers.length > 0 && !team) logger.warn({ providers }, EMPTY_TEAM_WARNING);
}
