// The checklist's rule for voice dialing geo permissions: which categories of a country it closes.
import type { DialingCountry } from '../../providers/twilio/index.js';
import { premiumPrefixOf } from '../kit/premium-prefixes.js';

/** The three voice categories of a country, by their names in the geo permissions API. */
export const DIALING_FLAGS = [
  'low_risk_numbers_enabled',
  'high_risk_special_numbers_enabled',
  'high_risk_tollfraud_numbers_enabled',
] as const;

export type DialingFlag = (typeof DIALING_FLAGS)[number];

/** One boolean per category: enabled, or (in `closedByChecklist`) closed by the checklist. */
export type DialingFlags = Record<DialingFlag, boolean>;

/** `United Kingdom (GB)`, how a card names a dialing country. */
export const countryName = (c: Pick<DialingCountry, 'iso_code' | 'name'>) =>
  `${c.name ?? c.iso_code} (${c.iso_code})`;

/** A country's categories as the API has them (a missing one counts as closed). */
export function flagsOf(c: DialingCountry): DialingFlags {
  return {
    low_risk_numbers_enabled: c.low_risk_numbers_enabled === true,
    high_risk_special_numbers_enabled: c.high_risk_special_numbers_enabled === true,
    high_risk_tollfraud_numbers_enabled: c.high_risk_tollfraud_numbers_enabled === true,
  };
}

/**
 * What `twilio.close-geo-permissions` closes in country `c`: toll-fraud and special-services ranges
 * wherever they are open, and every category of a country whose code is an international premium
 * network. Undefined when it leaves the country as it is; `lowRisk` says whether low-risk numbers stay.
 */
export function dialingClosure(
  c: DialingCountry,
): { reasons: string[]; lowRisk: 'keep' | 'close' } | undefined {
  const premium = c.country_codes.map((cc) => premiumPrefixOf(`+${cc.replace(/^\+/, '')}`)).find(Boolean);
  const open = c.low_risk_numbers_enabled === true && premium !== undefined;
  const reasons = [
    c.high_risk_tollfraud_numbers_enabled === true &&
      'high-risk toll-fraud numbers (the ranges international revenue share fraud calls) are allowed',
    c.high_risk_special_numbers_enabled === true &&
      'high-risk special-services and premium numbers are allowed',
    open && `dialing is allowed to ${premium.prefix}, ${premium.label}`,
  ].filter((r): r is string => typeof r === 'string');
  if (reasons.length === 0) return undefined;
  const keepLowRisk = c.low_risk_numbers_enabled === true && !open;
  return { reasons, lowRisk: keepLowRisk ? 'keep' : 'close' };
}

/** The categories of `c` that are open and that the checklist closes (true: it turns that one off). */
export function closedByChecklist(c: DialingCountry): DialingFlags {
  const closure = dialingClosure(c);
  const now = flagsOf(c);
  return {
    low_risk_numbers_enabled:
      closure !== undefined && closure.lowRisk === 'close' && now.low_risk_numbers_enabled,
    high_risk_special_numbers_enabled: closure !== undefined && now.high_risk_special_numbers_enabled,
    high_risk_tollfraud_numbers_enabled: closure !== undefined && now.high_risk_tollfraud_numbers_enabled,
  };
}

/** How a card names each category. */
export const FLAG_LABELS: Readonly<Record<DialingFlag, string>> = {
  low_risk_numbers_enabled: 'low-risk numbers',
  high_risk_special_numbers_enabled: 'high-risk special-services numbers',
  high_risk_tollfraud_numbers_enabled: 'high-risk toll-fraud numbers',
};

/** The categories of `flags` that are true, as the card names them: `low-risk numbers, …`. */
export function openLabels(flags: DialingFlags): string {
  return DIALING_FLAGS.filter((f) => flags[f])
    .map((f) => FLAG_LABELS[f])
    .join(', ');
}
