import { sid } from './twilio-nock.js';

export const NEW_PASSWORD = 'Xk3generatedPassw0rdQ9';
const CL = sid('CL', 1);
const CR = sid('CR', 2);
const AL = sid('AL', 3);
const IP = sid('IP', 4);
const PN = sid('PN', 5);
const AP = sid('AP', 6);
const SK = sid('SK', 7);
const SUB = sid('AC', 8);
const TK = sid('TK', 9);
const OU = sid('OU', 10);
const SD = sid('SD', 11);
const MG = sid('MG', 12);

/**
 * Every method of the client with argument lists that reach every body field and filter it can
 * send. A method missing here fails the conformance test, so a new call cannot skip the spec.
 */
export const CALLS: Record<string, unknown[][]> = {
  'accounts.fetch': [[], [SUB]],
  'accounts.listSubaccounts': [[]],
  'accounts.updateStatus': [[SUB, 'suspended']],
  'accounts.authTokenOf': [[SUB]],
  'outgoingCallerIds.list': [[]],
  'outgoingCallerIds.delete': [[PN]],
  'monitorEvents.list': [
    [{ start: new Date('2026-02-26T00:00:00Z'), end: new Date('2026-03-01T12:00:00Z') }],
  ],
  'authTokens.createSecondary': [[]],
  'authTokens.deleteSecondary': [[]],
  'authTokens.promote': [[]],
  'keys.list': [[]],
  'keys.create': [['Reclaim replacement 2026-03-01']],
  'keys.delete': [[SK]],
  'iamKeys.list': [[]],
  'sipTrunking.list': [[]],
  'sipTrunking.members': [
    [TK, 'OriginationUrls'],
    [TK, 'CredentialLists'],
    [TK, 'IpAccessControlLists'],
  ],
  'sipTrunking.delete': [[TK]],
  'sipTrunking.deleteMember': [
    [TK, 'OriginationUrls', OU],
    [TK, 'CredentialLists', CL],
    [TK, 'IpAccessControlLists', AL],
  ],
  'sipDomains.list': [[]],
  'sipDomains.fetch': [[SD]],
  'sipDomains.updateUrls': [[SD, { VoiceUrl: null, VoiceFallbackUrl: null, VoiceStatusCallbackUrl: null }]],
  'sipDomains.mappings': [
    [SD, 'CredentialListMappings'],
    [SD, 'IpAccessControlListMappings'],
    [SD, 'Auth/Calls/CredentialListMappings'],
    [SD, 'Auth/Calls/IpAccessControlListMappings'],
    [SD, 'Auth/Registrations/CredentialListMappings'],
  ],
  'sipDomains.deleteMapping': [
    [SD, 'CredentialListMappings', CL],
    [SD, 'IpAccessControlListMappings', AL],
    [SD, 'Auth/Calls/CredentialListMappings', CL],
    [SD, 'Auth/Calls/IpAccessControlListMappings', AL],
    [SD, 'Auth/Registrations/CredentialListMappings', CL],
  ],
  'messagingServices.list': [[]],
  'messagingServices.fetch': [[MG]],
  'messagingServices.updateUrls': [
    [MG, { InboundRequestUrl: null, FallbackUrl: null, StatusCallback: null }],
  ],
  'geoPermissions.dialingCountries': [[], ['LV']],
  'geoPermissions.updateDialingCountries': [
    [
      [
        {
          iso_code: 'LV',
          low_risk_numbers_enabled: true,
          high_risk_special_numbers_enabled: false,
          high_risk_tollfraud_numbers_enabled: false,
        },
      ],
    ],
  ],
  'geoPermissions.messaging': [[], ['PK']],
  'geoPermissions.updateMessaging': [['PK', false]],
  'iamKeys.delete': [[SK]],
  'sipCredentials.lists': [[]],
  'sipCredentials.list': [[CL]],
  'sipCredentials.fetch': [[CL, CR]],
  'sipCredentials.updatePassword': [[CL, CR, NEW_PASSWORD]],
  'sipCredentials.delete': [[CL, CR]],
  'sipIpAccess.lists': [[]],
  'sipIpAccess.addresses': [[AL]],
  'sipIpAccess.deleteAddress': [[AL, IP]],
  'incomingPhoneNumbers.list': [[]],
  'incomingPhoneNumbers.fetch': [[PN]],
  'incomingPhoneNumbers.updateUrls': [
    [
      PN,
      { VoiceUrl: null, VoiceFallbackUrl: null, SmsUrl: null, SmsFallbackUrl: null, StatusCallback: null },
    ],
    [PN, { VoiceUrl: 'https://hooks.example.com/voice' }],
  ],
  'applications.list': [[]],
  'applications.fetch': [[AP]],
  'applications.updateUrls': [
    [
      AP,
      {
        VoiceUrl: null,
        VoiceFallbackUrl: null,
        SmsUrl: null,
        SmsFallbackUrl: null,
        StatusCallback: null,
        SmsStatusCallback: null,
        MessageStatusCallback: null,
      },
    ],
  ],
  'usage.records': [[], [{ category: 'totalprice', startDate: '2026-01-01', endDate: '2026-01-30' }]],
  'usage.triggers': [[], [{ recurring: 'daily', triggerBy: 'price', usageCategory: 'totalprice' }]],
  'usage.createTrigger': [
    [
      {
        callbackUrl: 'https://hooks.example.com/usage',
        triggerValue: '50.00',
        usageCategory: 'totalprice',
        triggerBy: 'price',
        recurring: 'daily',
        friendlyName: 'Reclaim daily spend alert',
      },
    ],
  ],
};
