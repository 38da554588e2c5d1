/**
 * The SendGrid sandbox: a simulated SendGrid v3 account with the spec's paths, shapes, paging,
 * errors and rate-limit headers, seeded with an attacker's changes, served in-process through the
 * client's fetch seam or over HTTP on 127.0.0.1.
 */

export {
  ACCOUNT_STATE_VERSION,
  emptyAccountState,
  type PlantedChange,
  type PlantedKind,
  type SendgridAccountState,
  type SimAccessAttempt,
  type SimAllowedIp,
  type SimApiKey,
  type SimEventWebhook,
  type SimInvite,
  type SimMessage,
  type SimParseSetting,
  type SimSubuser,
  type SimTeammate,
} from './account.js';
export { FULL_ACCESS_SCOPES, MAX_API_KEYS } from './full-access-scopes.js';
export { handleSendgridRequest } from './handle-request.js';
export { type Condition, matchesQuery, parseMessageQuery } from './message-query.js';
export { loadSendgridSimulator, saveSendgridSimulator } from './persist-simulator.js';
export { EpochTokenBucket, type SendgridRateLimitOptions } from './rate-limit.js';
export { matchRoute, ROUTES } from './routes.js';
export {
  SENDGRID_PLANTED_KINDS,
  sendgridPlantedChanges,
  sendgridPlantedIdsByKind,
  unresolvedSendgridPlantedChanges,
} from './seed/planted-changes.js';
export { type SendgridSeedOptions, seedAttackedSendgridAccount } from './seed/seed-attacked-account.js';
export {
  ATTACKER_DOMAIN,
  ATTACKER_HOST,
  ATTACKER_INVITE_EMAIL,
  ATTACKER_IP,
  COMPANY_DOMAIN,
  SANDBOX_SENDGRID_API_KEY,
  SEED_TRUSTED,
  SPAM_SUBJECTS,
} from './seed/seed-trusted.js';
export { type ServedSendgridSimulator, serveSendgridSimulator } from './serve-simulator.js';
export type { SendgridSimAnswers } from './sim-context.js';
export { sendgridError, sendgridErrors } from './sim-http.js';
export {
  DEFAULT_SENDGRID_SIM_RATE_LIMIT,
  SendgridSimulator,
  type SendgridSimulatorOptions,
} from './simulator.js';
export { sendgridSimulatorFetch } from './simulator-fetch.js';
