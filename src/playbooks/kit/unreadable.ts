// Records a provider listed but Reclaim could not read: each one a finding for a person, never a silent skip.
import type { Finding } from '../../domain/types.js';
import type { Listing, UnreadableRecord } from '../../providers/http/index.js';
import type { Discovery } from '../types.js';
import { plural } from './step-kit.js';

/** Where a person looks at a record Reclaim could not read, per provider. */
export const CONSOLES: Readonly<Record<string, string>> = {
  telnyx: 'the Telnyx portal (https://portal.telnyx.com)',
  twilio: 'the Twilio Console (https://console.twilio.com)',
  sendgrid: 'the SendGrid console (https://app.sendgrid.com)',
};

function consoleOf(provider: string): string {
  return CONSOLES[provider] ?? `the ${provider} console`;
}

/**
 * The finding of one unreadable record: suspicious (a person must look), named by its id when it
 * has one, with the field at fault as the reason. Never a value from the record.
 */
export function unreadableFinding(u: UnreadableRecord, index: number): Finding {
  const name = u.id === null ? `A record without an id (the ${index + 1}. unreadable one)` : `Record ${u.id}`;
  return {
    resource: u.id ?? `unreadable:${u.operation}:${index + 1}`,
    summary: `${name} from “${u.operation}” could not be read: review it in ${consoleOf(u.provider)}`,
    suspicious: true,
    reasons: [`${u.field}: ${u.problem}`],
  };
}

/** The unreadable records of several listings, in order. */
export function unreadableOf(
  ...listings: readonly Pick<Listing<unknown>, 'unreadable'>[]
): UnreadableRecord[] {
  return listings.flatMap((l) => l.unreadable);
}

/**
 * A discovery with a finding for each unreadable record and a sentence about them on the card.
 * Nothing is planned for them: Reclaim cannot tell what they are.
 */
export function withUnreadable(discovery: Discovery, unreadable: readonly UnreadableRecord[]): Discovery {
  if (unreadable.length === 0) return discovery;
  const where = [...new Set(unreadable.map((u) => consoleOf(u.provider)))].join(' and ');
  const them = unreadable.length === 1 ? 'it' : 'them';
  return {
    ...discovery,
    findings: [...discovery.findings, ...unreadable.map(unreadableFinding)],
    summary: `${discovery.summary} ${plural(unreadable.length, 'record')} could not be read and ${unreadable.length === 1 ? 'is' : 'are'} left as ${unreadable.length === 1 ? 'it is' : 'they are'}: review ${them} in ${where}.`,
  };
}
