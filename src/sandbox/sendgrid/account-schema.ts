import { z } from 'zod';
import { parseSavedAccount, savedPlanted, savedRandom } from '../kit/saved-account.js';
import { ACCOUNT_STATE_VERSION, type SendgridAccountState } from './account.js';

const records = z.array(z.looseObject({}));
const forward = z.object({ enabled: z.boolean(), email: z.string() }).default({ enabled: false, email: '' });

/** The saved form of an account: checked down to each list, the records kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  apiKey: z.string().min(1),
  username: z.string(),
  email: z.string(),
  emailActivity: z.boolean(),
  random: savedRandom,
  nextNumber: z.number().int().nonnegative(),
  apiKeys: z.array(z.looseObject({ api_key_id: z.string(), name: z.string(), scopes: z.array(z.string()) })),
  allowList: z.array(z.looseObject({ id: z.number().int(), ip: z.string() })),
  activity: records,
  teammates: z.array(z.looseObject({ username: z.string(), email: z.string() })),
  invites: z.array(z.looseObject({ email: z.string(), token: z.string() })),
  subusers: z.array(z.looseObject({ username: z.string(), disabled: z.boolean() })),
  eventWebhooks: z.array(z.looseObject({ id: z.string(), url: z.string(), enabled: z.boolean() })),
  parseSettings: z.array(z.looseObject({ hostname: z.string(), url: z.string() })),
  messages: z.array(z.looseObject({ msg_id: z.string(), last_event_time: z.string() })),
  // Added later: a rehearsal saved before them loads with none.
  keyDigests: z.record(z.string(), z.string()).default({}),
  verifiedSenders: z.array(z.looseObject({ id: z.number().int(), from_email: z.string() })).default([]),
  authenticatedDomains: z.array(z.looseObject({ id: z.number().int(), domain: z.string() })).default([]),
  brandedLinks: z.array(z.looseObject({ id: z.number().int(), domain: z.string() })).default([]),
  forwardSpam: forward,
  forwardBounce: forward,
  alerts: z.array(z.looseObject({ id: z.number().int(), email_to: z.string() })).default([]),
  planted: savedPlanted,
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): SendgridAccountState {
  return parseSavedAccount<SendgridAccountState>(accountSchema, json, 'SendGrid simulator account');
}
