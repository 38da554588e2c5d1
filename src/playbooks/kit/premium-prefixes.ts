/**
 * Destinations where a forwarded call costs the account far more than a normal one, and where
 * call-forwarding fraud (international revenue share fraud) sends its traffic. Matched against
 * the E.164 target, longest prefix first. Sources: ITU-T E.164 assignments (+881, +882, +883,
 * +870, +979) and the national premium-rate ranges of the NANP (900) and the UK (09, 070).
 */
export const PREMIUM_PREFIXES: readonly { prefix: string; label: string }[] = [
  { prefix: '+881', label: 'global mobile satellite system (Iridium, Globalstar)' },
  { prefix: '+882', label: 'international networks' },
  { prefix: '+883', label: 'international networks' },
  { prefix: '+870', label: 'Inmarsat satellite' },
  { prefix: '+979', label: 'international premium rate' },
  { prefix: '+1900', label: 'North American premium rate' },
  { prefix: '+449', label: 'UK premium rate' },
  { prefix: '+4470', label: 'UK personal numbering' },
];

/** The premium prefix `e164` starts with (longest match), or `undefined`. */
export function premiumPrefixOf(e164: string): { prefix: string; label: string } | undefined {
  let best: { prefix: string; label: string } | undefined;
  for (const entry of PREMIUM_PREFIXES) {
    if (e164.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) best = entry;
  }
  return best;
}
