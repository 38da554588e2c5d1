/**
 * The Telnyx sandbox: a simulated Telnyx API v2 account with the spec's paths, shapes, pagination,
 * errors and a rate limit, seeded with an attacker's changes, served in-process through the
 * client's fetch seam or over HTTP on 127.0.0.1.
 */

export {
  type CollectionKey,
  emptyAccountState,
  type PlantedChange,
  type PlantedKind,
  type TelnyxAccountState,
} from './account.js';
export type { SimAccountAccess } from './account-access-state.js';
export type * from './account-state.js';
export { type Fault, type FaultOptions, type FaultRequest, SimulatorFaults } from './faults.js';
export { accountAccessOf } from './handle-account-access.js';
export { handleTelnyxRequest } from './handle-request.js';
export { loadSimulator, saveSimulator } from './persist-simulator.js';
export type { RateLimitOptions } from './rate-limit.js';
export { ROUTES } from './routes.js';
export {
  PLANTED_KINDS,
  plantedChanges,
  plantedIdsByKind,
  unresolvedPlantedChanges,
} from './seed/planted-changes.js';
export { SANDBOX_API_KEY, type SeedOptions, seedAttackedAccount } from './seed/seed-attacked-account.js';
export {
  ATTACKER_ALERT_EMAIL,
  BALANCE_CONDITION_NAME,
  OWNER_BILLING_EMAIL,
} from './seed/seed-port-out-and-billing.js';
export {
  ATTACKER_API_IP,
  ATTACKER_HOST,
  ATTACKER_IP,
  ATTACKER_USER_EMAIL,
  SEED_TRUSTED,
} from './seed/seed-trusted.js';
export { type ServedSimulator, serveSimulator } from './serve-simulator.js';
export type { TelnyxSimAnswers } from './sim-context.js';
export type { SimRequest, SimResponse, TelnyxErrorItem } from './sim-http.js';
export { DEFAULT_SIM_RATE_LIMIT, type SimulatorOptions, TelnyxSimulator } from './simulator.js';
export { SimulatorError } from './simulator-error.js';
export { simulatorFetch } from './simulator-fetch.js';
export { SimulatorStats, type SimulatorStatsSnapshot } from './stats.js';
