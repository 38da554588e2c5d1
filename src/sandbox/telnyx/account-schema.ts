import { z } from 'zod';
import { parseSavedAccount, savedPlanted, savedRandom } from '../kit/saved-account.js';
import { ACCOUNT_STATE_VERSION, type TelnyxAccountState } from './account.js';

const records = z.array(z.looseObject({ id: z.string() }));

/** The saved form of an account: checked down to each record's `id`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  apiKey: z.string().min(1),
  organizationId: z.string(),
  ownerUserId: z.string(),
  random: savedRandom,
  credentialConnections: records,
  ipConnections: records,
  fqdnConnections: records,
  ips: records,
  fqdns: records,
  telephonyCredentials: records,
  messagingProfiles: records,
  phoneNumbers: records,
  callControlApplications: records,
  texmlApplications: records,
  outboundVoiceProfiles: records,
  auditEvents: records,
  planted: savedPlanted,
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TelnyxAccountState {
  return parseSavedAccount<TelnyxAccountState>(accountSchema, json, 'simulator account');
}
