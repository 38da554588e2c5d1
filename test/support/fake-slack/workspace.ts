import type { LocalUser } from '../../../src/sandbox/slack/model/types.js';

export { GENERAL_CHANNEL_ID, Workspace } from '../../../src/sandbox/slack/model/workspace.js';

/** People who exist in every fake workspace, besides `options.users` and the bot. */
export const DEFAULT_USERS: readonly LocalUser[] = ['alice', 'bob', 'carol', 'dave', 'erin'].map((name) => ({
  id: `U${name.toUpperCase()}`,
  name,
  isBot: false,
}));
