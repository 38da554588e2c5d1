import { z } from 'zod';
import { SimulatorError } from '../telnyx/simulator-error.js';

/** A saved account's `random`: the id/secret generator's state. */
export const savedRandom = z.number().int().nonnegative();

/** A saved account's `planted` list, checked down to each change's kind, id and summary. */
export const savedPlanted = z.array(z.looseObject({ kind: z.string(), id: z.string(), summary: z.string() }));

/**
 * Parses a saved account with `schema` into a copy; a file from another version or a damaged one is
 * `simulator_bad_state`, saying where (`what` names the account, e.g. `Twilio simulator account`).
 */
export function parseSavedAccount<T>(schema: z.ZodType, json: unknown, what: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new SimulatorError(
      'simulator_bad_state',
      `The saved ${what} is invalid at ${where}: ${issue?.message}`,
    );
  }
  return structuredClone(parsed.data) as T;
}
