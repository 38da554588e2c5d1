import { z } from 'zod';
import { parseSavedAccount, savedPlanted, savedRandom } from '../kit/saved-account.js';
import { ACCOUNT_STATE_VERSION, type TelnyxAccountState } from './account.js';

const records = z.array(z.looseObject({ id: z.string() }));

/** The saved form of an account: checked down to each record's `id`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  apiKey: z.string().min(1),
  apiKeys: z.array(z.string().min(1)).optional(),
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
  // Added after the first saved accounts: an older file reads as an account without notifications.
  notificationProfiles: records.default([]),
  notificationChannels: records.default([]),
  notificationSettings: records.default([]),
  notificationConditions: records.default([]),
  accountAccess: z
    .object({
      organizationUsers: z.array(z.looseObject({})),
      oauthGrants: z.array(z.looseObject({})),
      oauthClients: z.array(z.looseObject({})),
      integrationSecrets: z.array(z.looseObject({})),
      accessIpAddresses: z.array(z.looseObject({})),
      accessIpRanges: z.array(z.looseObject({})),
    })
    .optional(),
  phoneNumberJobs: records.optional(),
  planted: savedPlanted,
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TelnyxAccountState {
  return parseSavedAccount<TelnyxAccountState>(accountSchema, json, 'simulator account');
}
