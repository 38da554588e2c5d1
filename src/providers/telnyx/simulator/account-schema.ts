import { z } from 'zod';
import { ACCOUNT_STATE_VERSION, type TelnyxAccountState } from './account.js';
import { SimulatorError } from './simulator-error.js';

const records = z.array(z.looseObject({ id: z.string() }));

/** The saved form of an account: checked down to each record's `id`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  apiKey: z.string().min(1),
  organizationId: z.string(),
  ownerUserId: z.string(),
  random: z.number().int().nonnegative(),
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
  planted: z.array(z.looseObject({ kind: z.string(), id: z.string(), summary: z.string() })),
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TelnyxAccountState {
  const parsed = accountSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new SimulatorError(
      'simulator_bad_state',
      `The saved simulator account is invalid at ${where}: ${issue?.message}`,
    );
  }
  return structuredClone(parsed.data) as unknown as TelnyxAccountState;
}
