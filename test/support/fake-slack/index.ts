export {
  METHOD_TIERS,
  SLACK_TIER_LIMITS,
  type TierLimits,
} from '../../../src/sandbox/slack/api/method-tiers.js';
export type { BotTarget, Delivery } from '../../../src/sandbox/slack/interactions/deliver-to-bot.js';
export type { ViewValues } from '../../../src/sandbox/slack/interactions/interaction-payloads.js';
export type { InteractionResult } from '../../../src/sandbox/slack/interactions/interactions.js';
export {
  type SignOptions,
  signSlackRequest,
  slackSignatureHeaders,
} from '../../../src/sandbox/slack/interactions/sign-request.js';
export type { ChannelView } from '../../../src/sandbox/slack/model/read-workspace.js';
export { FakeSlackUsageError, SlackApiError } from './slack-api-error.js';
export { type FakeSlack, type FakeSlackOptions, startFakeSlack } from './start-fake-slack.js';
export type * from './types.js';
export { type WaitForOptions, WaitForTimeoutError } from './wait-for.js';
export { DEFAULT_USERS, GENERAL_CHANNEL_ID, Workspace } from './workspace.js';
