/**
 * The Twilio sandbox: a simulated Twilio account (2010-04-01 REST API and the accounts v1 Auth Token
 * endpoints) with the spec's paths, shapes, paging, errors and a rate limit, seeded with an
 * attacker's changes, served in-process through the client's fetch seam or over HTTP on 127.0.0.1.
 */

export {
  emptyAccountState,
  type PlantedChange,
  type PlantedKind,
  type TwilioAccountState,
} from './account.js';
export type * from './account-state.js';
export { handleTwilioRequest } from './handle-request.js';
export { SIM_DEFAULT_PAGE_SIZE, SIM_MAX_PAGE_SIZE } from './list-page.js';
export { loadTwilioSimulator, saveTwilioSimulator } from './persist-simulator.js';
export { ROUTES as TWILIO_ROUTES } from './routes.js';
export {
  plantedTwilioChanges,
  plantedTwilioIdsByKind,
  TWILIO_PLANTED_KINDS,
  unresolvedTwilioChanges,
} from './seed/planted-changes.js';
export { seedAttackedTwilioAccount, type TwilioSeedOptions } from './seed/seed-attacked-account.js';
export { ATTACKER_HOST, ATTACKER_IP, SEED_TRUSTED } from './seed/seed-trusted.js';
export { type ServedTwilioSimulator, serveTwilioSimulator } from './serve-simulator.js';
export { rfc2822 } from './sim-context.js';
export type { SimResponse, TwilioSimRequest } from './sim-http.js';
export {
  DEFAULT_TWILIO_SIM_RATE_LIMIT,
  TwilioSimulator,
  type TwilioSimulatorOptions,
} from './simulator.js';
export { twilioSimulatorFetch } from './simulator-fetch.js';
export { meetsTwilioSipPasswordRule } from './validate-form.js';
