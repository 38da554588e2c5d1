/**
 * Where the simulated account's calls and messages can be routed besides its numbers and apps:
 * Elastic SIP trunks (trunking v1) and their members, SIP domains and the lists mapped onto them
 * (2010-04-01), Messaging Services (messaging v1) and the geo permissions (voice v1, accounts v1).
 * Field names are the spec's; v1 records carry ISO 8601 dates, 2010 ones RFC 2822.
 */
import type { HttpVerb } from './account-state.js';

interface Dated {
  sid: string;
  date_created: string;
  date_updated: string;
}

export interface SimTrunk extends Dated {
  friendly_name: string;
  domain_name: string;
  disaster_recovery_url: string | null;
  disaster_recovery_method: HttpVerb;
  secure: boolean;
  cnam_lookup_enabled: boolean;
  transfer_mode: 'disable-all' | 'enable-all' | 'sip-only';
}

/** A trunk's origination URL (`OU…`), or a credential list (`CL…`) or IP access control list (`AL…`) attached to it. */
export interface SimTrunkMember extends Dated {
  trunk_sid: string;
  member: 'OriginationUrls' | 'CredentialLists' | 'IpAccessControlLists';
  friendly_name: string;
  /** Origination URLs only. */
  sip_url?: string;
  enabled?: boolean;
  weight?: number;
  priority?: number;
}

export interface SimSipDomain extends Dated {
  friendly_name: string;
  domain_name: string;
  voice_url: string | null;
  voice_method: HttpVerb;
  voice_fallback_url: string | null;
  voice_fallback_method: HttpVerb;
  voice_status_callback_url: string | null;
  voice_status_callback_method: HttpVerb;
  sip_registration: boolean;
  emergency_calling_enabled: boolean;
  secure: boolean;
}

/** A credential list (`CL…`) or IP access control list (`AL…`) mapped onto a domain, under one mapping path. */
export interface SimDomainMapping extends Dated {
  domain_sid: string;
  /** The mapping collection's path under the domain, e.g. `Auth/Calls/CredentialListMappings`. */
  mapping: string;
  friendly_name: string;
}

export interface SimMessagingService extends Dated {
  friendly_name: string;
  inbound_request_url: string | null;
  inbound_method: HttpVerb;
  fallback_url: string | null;
  fallback_method: HttpVerb;
  status_callback: string | null;
  sticky_sender: boolean;
  use_inbound_webhook_on_number: boolean;
}

export interface SimDialingCountry {
  iso_code: string;
  name: string;
  continent: string;
  country_codes: string[];
  low_risk_numbers_enabled: boolean;
  high_risk_special_numbers_enabled: boolean;
  high_risk_tollfraud_numbers_enabled: boolean;
}

export interface SimMessagingGeo {
  country_code: string;
  enabled: boolean;
  prefix: string;
  /** `High Risk Country` for the countries Twilio marks so; `''` for the others. */
  message: string;
}

export interface SimRoutingState {
  trunks: SimTrunk[];
  trunkMembers: SimTrunkMember[];
  sipDomains: SimSipDomain[];
  domainMappings: SimDomainMapping[];
  messagingServices: SimMessagingService[];
  dialingCountries: SimDialingCountry[];
  messagingGeo: SimMessagingGeo[];
}

export function emptyRoutingState(): SimRoutingState {
  return {
    trunks: [],
    trunkMembers: [],
    sipDomains: [],
    domainMappings: [],
    messagingServices: [],
    dialingCountries: [],
    messagingGeo: [],
  };
}
