// Contain now, voice dialing: every open country the account is not in recent use of closed, in batches.
import { z } from 'zod';
import type { Finding, PlannedAction } from '../../domain/types.js';
import type { DialingCountry, TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { plural, writeUnlessDone } from '../kit/step-kit.js';
import { countryName, DIALING_FLAGS, type DialingFlags, flagsOf, openLabels } from './dialing-rule.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { paramsOf, TwilioPlaybookError } from './playbook-error.js';

/** The kind of Contain now's dialing action, which its Restore judges. */
export const CONTAIN_DIALING = 'narrow_dialing_countries';

/** Countries per `BulkCountryUpdates` request: one action each, so a big account needs few writes. */
export const DIALING_BATCH = 20;

const flag = z.boolean();

/** One country as Contain now found it: its categories before, by the API's names. */
export const countryBeforeSchema = z.object({
  iso_code: z.string().min(1),
  name: z.string().nullable(),
  low_risk_numbers_enabled: flag,
  high_risk_special_numbers_enabled: flag,
  high_risk_tollfraud_numbers_enabled: flag,
});
export type CountryBefore = z.infer<typeof countryBeforeSchema>;

const batchSchema = z.object({ countries: z.array(countryBeforeSchema).min(1) });

const anyOpen = (f: DialingFlags) => DIALING_FLAGS.some((k) => f[k]);

/**
 * A finding for each open country not in use, one action per `DIALING_BATCH` of them that turns
 * every category off (`params.countries`: each one's categories before, so Restore puts them back).
 */
export function planDialing(
  countries: readonly DialingCountry[],
  inUse: ReadonlySet<string>,
  basis: string,
): { findings: Finding[]; actions: PlannedAction[]; closing: number } {
  const open = countries.filter((c) => anyOpen(flagsOf(c)));
  const kept = open.filter((c) => inUse.has(c.iso_code));
  const closing = open.filter((c) => !inUse.has(c.iso_code));
  const findings: Finding[] = closing.map((c) => ({
    resource: `voice:${c.iso_code}`,
    summary: `Voice dialing to ${countryName(c)}: ${openLabels(flagsOf(c))} allowed`,
    suspicious: true,
    reasons: [`not in recent use: not among ${basis}`],
  }));
  if (kept.length > 0) {
    findings.push({
      resource: 'voice:in-use',
      summary: `Voice dialing stays open to ${plural(kept.length, 'country', 'countries')} in recent use: ${kept.map(countryName).join(', ')}`,
      suspicious: false,
      reasons: [`in use: ${basis}`],
    });
  }
  const actions: PlannedAction[] = [];
  for (let i = 0; i < closing.length; i += DIALING_BATCH) {
    const batch = closing.slice(i, i + DIALING_BATCH);
    actions.push({
      kind: CONTAIN_DIALING,
      target: `voice:${batch.map((c) => c.iso_code).join(',')}`,
      params: { countries: batch.map((c) => ({ iso_code: c.iso_code, name: c.name, ...flagsOf(c) })) },
      description: `Close voice dialing to ${batch.map(countryName).join(', ')} (every category off; Restore opens again what was open)`,
    });
  }
  return { findings, actions, closing: closing.length };
}

const closed = {
  low_risk_numbers_enabled: false,
  high_risk_special_numbers_enabled: false,
  high_risk_tollfraud_numbers_enabled: false,
};

/**
 * One `BulkCountryUpdates` for the batch, every category off. With recheck the countries are read
 * first and only those with a category still open are written (none: nothing is sent).
 */
export const containDialing: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const { countries } = paramsOf(action, batchSchema);
  const api = ctx.client.geoPermissions;
  const write = async (batch: readonly CountryBefore[]) => {
    const updated = await api.updateDialingCountries(batch.map((c) => ({ iso_code: c.iso_code, ...closed })));
    if (updated < batch.length) {
      throw new TwilioPlaybookError(
        'twilio_change_not_applied',
        `Twilio updated ${updated} of ${batch.length} countries: close voice dialing in the Console (${TWILIO_CONSOLE}): Voice › Settings › Geo permissions.`,
        { details: { what: action.target } },
      );
    }
    return { result: { closed: batch.map((c) => c.iso_code) } };
  };
  let todo: readonly CountryBefore[] = countries;
  return writeUnlessDone(
    recheck,
    async () => {
      const now = (await api.dialingCountries()).items;
      todo = countries.filter((c) => {
        const found = now.find((n) => n.iso_code === c.iso_code);
        return found !== undefined && anyOpen(flagsOf(found));
      });
      return todo.length === 0
        ? { result: { closed: countries.map((c) => c.iso_code), note: 'already closed' } }
        : undefined;
    },
    () => write(todo),
  );
};
