import { z } from 'zod';
import { SimulatorError } from '../../telnyx/simulator/simulator-error.js';
import { ACCOUNT_STATE_VERSION, type TwilioAccountState } from './account.js';

const records = z.array(z.looseObject({ sid: z.string() }));

/** The saved form of an account: checked down to each record's `sid`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  account: z.looseObject({ sid: z.string(), auth_token: z.string().min(1) }),
  secondaryAuthToken: z.object({ token: z.string().min(1), date_created: z.string() }).nullable(),
  random: z.number().int().nonnegative(),
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
  planted: z.array(z.looseObject({ kind: z.string(), id: z.string(), summary: z.string() })),
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TwilioAccountState {
  const parsed = accountSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new SimulatorError(
      'simulator_bad_state',
      `The saved Twilio simulator account is invalid at ${where}: ${issue?.message}`,
    );
  }
  return structuredClone(parsed.data) as unknown as TwilioAccountState;
}
