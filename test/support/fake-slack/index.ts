export {
  METHOD_TIERS,
  SLACK_TIER_LIMITS,
  type TierLimits,
} from '../../../src/local-slack/api/method-tiers.js';
export type { BotTarget, Delivery } from '../../../src/local-slack/interactions/deliver-to-bot.js';
export type { ViewValues } from '../../../src/local-slack/interactions/interaction-payloads.js';
export type { InteractionResult } from '../../../src/local-slack/interactions/interactions.js';
export {
  type SignOptions,
  signSlackRequest,
  slackSignatureHeaders,
} from '../../../src/local-slack/interactions/sign-request.js';
export type { ChannelView } from '../../../src/local-slack/model/read-workspace.js';
export { FakeSlackUsageError, SlackApiError } from './slack-api-error.js';
export { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './start-fake-slack.js';
export type * from './types.js';
export { type WaitForOptions, WaitForTimeoutError } from './wait-for.js';
export { DEFAULT_USERS, GENERAL_CHANNEL_ID, Workspace } from './workspace.js';
