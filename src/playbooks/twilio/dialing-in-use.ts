// Which voice dialing countries the account is in recent use of, as far as the client can read it.
import { ProviderError, type UnreadableRecord } from '../../providers/http/index.js';
import type {
  DialingCountry,
  IncomingPhoneNumber,
  TwilioAccount,
  TwilioClient,
} from '../../providers/twilio/index.js';
import { normaliseNumber } from '../kit/phone-numbers.js';
import { plural } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { PlaybookContext } from '../types.js';
import { clientFor } from './account-scopes.js';

/**
 * The dialing country `e164` is in: the one whose country code is the longest prefix of it
 * (`+1876…` is Jamaica's, `+1303…` the United States'). Undefined when none fits.
 */
export function countryOfNumber(
  e164: string,
  countries: readonly DialingCountry[],
): DialingCountry | undefined {
  const digits = normaliseNumber(e164).slice(1);
  let best: { country: DialingCountry; length: number } | undefined;
  if (digits === '') return undefined;
  for (const country of countries) {
    for (const code of country.country_codes) {
      const cc = code.replace(/\D/g, '');
      if (cc !== '' && digits.startsWith(cc) && (!best || cc.length > best.length))
        best = { country, length: cc.length };
    }
  }
  return best?.country;
}

/** The countries in use, and the sentence that says how Reclaim decided it. */
export interface CountriesInUse {
  isoCodes: Set<string>;
  /** e.g. `the countries of 24 numbers of the account and 1 trusted number`. */
  basis: string;
  unreadable: UnreadableRecord[];
}

/**
 * Recent use, read as the client can: the countries of the account's own numbers (the main
 * account's and those of the subaccounts it keeps), leaving out numbers bought in the incident
 * window (the attacker's, maybe), and of RECLAIM_TRUSTED_NUMBERS. Reclaim reads no call logs:
 * the client has no Calls listing, and a month of calls on a busy account would delay the stop.
 * A kept subaccount that refuses its numbers (401/403/404) is left out, and counted in `basis`.
 */
export async function countriesInUse(
  ctx: PlaybookContext<TwilioClient>,
  trust: Trust,
  countries: readonly DialingCountry[],
  kept: readonly TwilioAccount[],
): Promise<CountriesInUse> {
  const main = await ctx.client.incomingPhoneNumbers.list();
  const lists = [main];
  let refused = 0;
  for (const sub of kept) {
    try {
      lists.push(await clientFor(ctx.client, sub.sid).incomingPhoneNumbers.list());
    } catch (err) {
      const status = err instanceof ProviderError ? (err.status ?? 0) : 0;
      if (![401, 403, 404].includes(status)) throw err;
      refused += 1;
    }
  }
  const owned = lists
    .flatMap((l) => l.items)
    .filter((n: IncomingPhoneNumber) => n.phone_number && !trust.inWindow(n.date_created, 'created'));
  const isoCodes = new Set<string>();
  const add = (e164: string) => {
    const country = countryOfNumber(e164, countries);
    if (country) isoCodes.add(country.iso_code);
  };
  for (const n of owned) add(n.phone_number ?? '');
  for (const n of ctx.trusted.numbers) add(n);
  const parts = [
    `${plural(owned.length, 'number')} of the account bought before the window`,
    `${plural(ctx.trusted.numbers.length, 'number')} in RECLAIM_TRUSTED_NUMBERS`,
  ];
  const skipped = refused > 0 ? ` (${plural(refused, 'kept subaccount')} refused to list its numbers)` : '';
  return {
    isoCodes,
    basis: `the countries of ${parts.join(' and ')}${skipped}`,
    unreadable: lists.flatMap((l) => l.unreadable),
  };
}
