// Restore, voice dialing: the categories Contain now closed opened again, but for those the checklist closes itself.
import { z } from 'zod';
import type { DialingCountry, DialingCountryUpdate, TwilioClient } from '../../providers/twilio/index.js';
import type { KindExecutor, PlannedResource } from '../kit/action-kit.js';
import { putBack, type RestoreJudge, staysAsItIs } from '../kit/restore-kit.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import type { ContainedChange } from '../types.js';
import { countryBeforeSchema } from './contain-dialing.js';
import {
  closedByChecklist,
  countryName,
  DIALING_FLAGS,
  type DialingFlag,
  FLAG_LABELS,
  flagsOf,
} from './dialing-rule.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { paramsOf, TwilioPlaybookError } from './playbook-error.js';

export const REOPEN_DIALING = 'reopen_dialing_countries';

const flagSchema = z.enum(DIALING_FLAGS);
const reopenSchema = z.object({
  countries: z
    .array(
      countryBeforeSchema.pick({ iso_code: true, name: true }).extend({
        enable: z.array(flagSchema).min(1),
        flags: countryBeforeSchema.omit({ iso_code: true, name: true }),
      }),
    )
    .min(1),
});
type Reopen = z.infer<typeof reopenSchema>['countries'][number];

const labels = (flags: readonly DialingFlag[]) => flags.map((f) => FLAG_LABELS[f]).join(', ');

/** The countries of a change Contain now closed itself: its result's `closed`, else every one planned. */
function closedBy(change: ContainedChange): z.infer<typeof countryBeforeSchema>[] | undefined {
  const parsed = z.array(countryBeforeSchema).safeParse(change.params.countries);
  if (!parsed.success) return undefined;
  const closed = change.result?.closed;
  if (!Array.isArray(closed)) return parsed.data;
  return parsed.data.filter((c) => closed.includes(c.iso_code));
}

/**
 * Per country: the categories open before Contain now and closed still, less those the
 * checklist's own rule closes (`twilio.close-geo-permissions`), judged as they would be once open.
 */
export const judgeDialing: RestoreJudge<TwilioClient> = async (ctx, change) => {
  const before = closedBy(change);
  if (!before) {
    return staysAsItIs(
      change,
      `Voice dialing (${change.target}): the stored change cannot be read`,
      'put it back by hand in the Console, Voice › Settings › Geo permissions',
    );
  }
  const now = (await ctx.client.geoPermissions.dialingCountries()).items;
  const reopen: Reopen[] = [];
  const notes: string[] = [];
  for (const c of before) {
    const found = now.find((n) => n.iso_code === c.iso_code);
    const off = found ? DIALING_FLAGS.filter((f) => c[f] && !flagsOf(found)[f]) : [];
    if (!found || off.length === 0) {
      notes.push(`${countryName(c)} ${found ? 'is open again as before' : 'is no longer listed'}`);
      continue;
    }
    const wouldBe: DialingCountry = { ...found, ...Object.fromEntries(off.map((f) => [f, true])) };
    const closing = closedByChecklist(wouldBe);
    const enable = off.filter((f) => !closing[f]);
    const kept = off.filter((f) => closing[f]);
    if (kept.length > 0)
      notes.push(`${countryName(c)}: ${labels(kept)} stay closed (the checklist closes them too)`);
    const flags = flagsOf(found);
    for (const f of enable) flags[f] = true;
    if (enable.length > 0) reopen.push({ iso_code: c.iso_code, name: c.name, enable, flags });
  }
  const said = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  if (reopen.length === 0) {
    return staysAsItIs(
      change,
      `Voice dialing Contain now closed stays as it is${said}`,
      'nothing to open again',
    );
  }
  const what = reopen.map((r) => `${countryName(r)} (${labels(r.enable)})`).join(', ');
  const planned: PlannedResource = putBack(change, `Voice dialing is still closed to ${what}${said}`, {
    kind: REOPEN_DIALING,
    params: { countries: reopen },
    description: `Open voice dialing again as before Contain now: ${what}`,
  });
  return planned;
};

/**
 * One `BulkCountryUpdates` of each country's planned categories (those Restore opens set on, the
 * others as discovery read them). With recheck the countries are read first: a batch already open
 * is done and nothing is sent; otherwise each still closed is written as it is now plus those opened.
 */
export const reopenDialing: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const { countries } = paramsOf(action, reopenSchema);
  const api = ctx.client.geoPermissions;
  let updates: DialingCountryUpdate[] = countries.map((c) => ({ iso_code: c.iso_code, ...c.flags }));
  const write = async () => {
    const updated = await api.updateDialingCountries(updates);
    if (updated < updates.length) {
      throw new TwilioPlaybookError(
        'twilio_change_not_applied',
        `Twilio updated ${updated} of ${updates.length} countries: open them again in the Console (${TWILIO_CONSOLE}): Voice › Settings › Geo permissions.`,
        { details: { what: action.target } },
      );
    }
    return { result: { reopened: updates.map((u) => u.iso_code) } };
  };
  return writeUnlessDone(
    recheck,
    async () => {
      const now = (await api.dialingCountries()).items;
      updates = countries.flatMap((c) => {
        const found = now.find((n) => n.iso_code === c.iso_code);
        if (!found || c.enable.every((f) => flagsOf(found)[f])) return [];
        const flags = flagsOf(found);
        for (const f of c.enable) flags[f] = true;
        return [{ iso_code: c.iso_code, ...flags }];
      });
      return updates.length === 0 ? { result: { reopened: [], note: 'already open' } } : undefined;
    },
    write,
  );
};
