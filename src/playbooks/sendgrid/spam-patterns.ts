/**
 * What makes a subject read like spam or phishing: the lures credential-stuffing crews send from
 * taken-over SendGrid accounts (account warnings, prizes, money, crypto, urgency) and the
 * typography of bulk spam. Each has a label the card shows as the reason.
 */
export const SPAM_PATTERNS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /\bverify your (account|identity|e-?mail|password)\b/i, label: 'asks to verify an account' },
  {
    pattern: /\baccount (has been |was |is )?(suspended|locked|closed|disabled|on hold)\b/i,
    label: 'threatens the account',
  },
  { pattern: /\b(you('ve| have)? won|winner|prize|lottery|jackpot)\b/i, label: 'promises a prize' },
  { pattern: /\bgift ?card\b/i, label: 'offers a gift card' },
  { pattern: /\b(crypto|bitcoin|btc|ethereum|usdt|forex)\b/i, label: 'mentions crypto or trading' },
  {
    pattern: /\binvest(ment)? (opportunity|returns?)\b|\bguaranteed (returns?|profit)\b/i,
    label: 'pitches an investment',
  },
  { pattern: /\b(act now|limited time|urgent|immediately|final notice)\b/i, label: 'presses for urgency' },
  {
    pattern: /\b(wire transfer|bank details|payment (failed|declined)|unpaid invoice)\b/i,
    label: 'asks about money',
  },
  { pattern: /\b(viagra|cialis|casino|betting|weight loss|dating)\b/i, label: 'bulk-spam topic' },
  { pattern: /!{3,}|\${2,}/, label: 'spam typography (!!! or $$)' },
];

/** The labels of the patterns a subject matches, in table order (empty: it reads like ordinary mail). */
export function spamSignals(subject: string): string[] {
  return SPAM_PATTERNS.filter((p) => p.pattern.test(subject)).map((p) => p.label);
}
