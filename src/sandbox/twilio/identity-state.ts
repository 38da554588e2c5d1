/**
 * Who can act as the simulated account, and what it did: each subaccount's own resources (its
 * secondary Auth Token, API keys, numbers, TwiML apps, caller IDs), the main account's verified
 * caller IDs (2010-04-01 `OutgoingCallerIds`) and its Monitor events (monitor v1, ISO 8601 dates).
 */
import type { SimApplication, SimIncomingPhoneNumber, SimKey, SimSecondaryToken } from './account-state.js';

export interface SimOutgoingCallerId {
  /** `PN…`, as the spec has it. */
  sid: string;
  phone_number: string;
  friendly_name: string;
  date_created: string;
  date_updated: string;
}

/** One Monitor event, as `GET /v1/Events` serves it (less `url` and `links`, added when served). */
export interface SimEvent {
  /** `AE…`. */
  sid: string;
  event_type: string;
  /** ISO 8601. */
  event_date: string;
  actor_sid: string | null;
  actor_type: 'user' | 'account' | 'twilio-admin';
  source: 'web' | 'api' | 'twilio';
  source_ip_address: string | null;
  resource_sid: string | null;
  resource_type: string;
  description: string | null;
  event_data: Record<string, unknown>;
}

/** What a subaccount holds of its own, addressed as `/2010-04-01/Accounts/{SubSid}/…`. */
export interface SimSubaccountResources {
  secondaryAuthToken: SimSecondaryToken | null;
  keys: SimKey[];
  incomingPhoneNumbers: SimIncomingPhoneNumber[];
  applications: SimApplication[];
  outgoingCallerIds: SimOutgoingCallerId[];
}

export interface SimIdentityState {
  /** By subaccount SID; a subaccount without an entry holds nothing. */
  subaccounts: Record<string, SimSubaccountResources>;
  outgoingCallerIds: SimOutgoingCallerId[];
  events: SimEvent[];
}

export function emptyIdentityState(): SimIdentityState {
  return { subaccounts: {}, outgoingCallerIds: [], events: [] };
}

export function emptySubaccountResources(): SimSubaccountResources {
  return {
    secondaryAuthToken: null,
    keys: [],
    incomingPhoneNumbers: [],
    applications: [],
    outgoingCallerIds: [],
  };
}
