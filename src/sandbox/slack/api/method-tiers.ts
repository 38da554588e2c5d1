/** Slack's rate-limit class per method ("per API method per workspace per app"). */
export type RateClass = 'tier1' | 'tier2' | 'tier3' | 'tier4' | 'post_message';

export const METHOD_TIERS: Readonly<Record<string, RateClass>> = {
  'auth.test': 'tier4',
  'users.info': 'tier4',
  'usergroups.users.list': 'tier2',
  'conversations.create': 'tier2',
  'conversations.invite': 'tier3',
  'conversations.setTopic': 'tier2',
  'conversations.info': 'tier3',
  'conversations.archive': 'tier2',
  'chat.postMessage': 'post_message',
  'chat.update': 'tier3',
  'chat.postEphemeral': 'tier4',
  'pins.add': 'tier2',
  'views.open': 'tier4',
  'views.update': 'tier4',
  'files.getUploadURLExternal': 'tier4',
  'files.completeUploadExternal': 'tier4',
};

/** Calls allowed per sliding minute for each tier, and chat.postMessage's per-channel allowance. */
export interface TierLimits {
  tier1: number;
  tier2: number;
  tier3: number;
  tier4: number;
  /** chat.postMessage: messages a channel may take at once before the 1 per second pace applies. */
  postMessageBurst: number;
}

export const SLACK_TIER_LIMITS: TierLimits = {
  tier1: 1,
  tier2: 20,
  tier3: 50,
  tier4: 100,
  postMessageBurst: 5,
};
