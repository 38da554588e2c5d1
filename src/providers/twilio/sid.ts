import { TwilioClientError } from './errors.js';

/**
 * The SID prefixes of the resources the client addresses, with the spec's path pattern
 * `^<prefix>[0-9a-fA-F]{32}$`: accounts, API keys, SIP credential lists and credentials, IP access
 * control lists and their addresses, incoming phone numbers, TwiML applications, usage triggers;
 * SIP trunks and their origination URLs, SIP domains, Messaging Services.
 */
export type SidPrefix =
  | 'AC'
  | 'SK'
  | 'CL'
  | 'CR'
  | 'AL'
  | 'IP'
  | 'PN'
  | 'AP'
  | 'UT'
  | 'TK'
  | 'OU'
  | 'SD'
  | 'MG';

/** `sid` when it is a SID of the kind `prefix` names; otherwise `twilio_invalid_sid`, naming `what`. */
export function checkedSid(prefix: SidPrefix, sid: string, what: string): string {
  if (typeof sid === 'string' && new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(sid)) return sid;
  throw new TwilioClientError(
    'twilio_invalid_sid',
    `Refusing to call Twilio for ${what}: "${String(sid).slice(0, 40)}" is not a SID of the form ${prefix} + 32 hex digits.`,
    { details: { prefix, what } },
  );
}
