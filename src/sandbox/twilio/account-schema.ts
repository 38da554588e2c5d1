import { z } from 'zod';
import { parseSavedAccount, savedPlanted, savedRandom } from '../kit/saved-account.js';
import { ACCOUNT_STATE_VERSION, type TwilioAccountState } from './account.js';

const records = z.array(z.looseObject({ sid: z.string() }));

/** The saved form of an account: checked down to each record's `sid`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  account: z.looseObject({ sid: z.string(), auth_token: z.string().min(1) }),
  secondaryAuthToken: z.object({ token: z.string().min(1), date_created: z.string() }).nullable(),
  random: savedRandom,
  subaccounts: records,
  keys: records,
  credentialLists: records,
  credentials: records,
  ipAccessControlLists: records,
  ipAddresses: records,
  incomingPhoneNumbers: records,
  applications: records,
  usage: z.array(z.looseObject({ category: z.string(), date: z.string() })),
  usageTriggers: records,
  planted: savedPlanted,
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TwilioAccountState {
  return parseSavedAccount<TwilioAccountState>(accountSchema, json, 'Twilio simulator account');
}
