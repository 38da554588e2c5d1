const ID = 'id-0001';
export const NEW_PASSWORD = 'Xk3-generated-password-Q9';

/**
 * Every method of the client with the argument lists that reach every body field and filter it
 * can send. A method missing here fails the test, so a new call cannot skip the spec check.
 */
export const CALLS: Record<string, unknown[][]> = {
  'credentialConnections.list': [[]],
  'credentialConnections.get': [[ID]],
  'credentialConnections.update': [
    [ID, { user_name: 'reclaim7k2x', password: NEW_PASSWORD }],
    [ID, { active: false }],
  ],
  'telephonyCredentials.list': [[], [{ resourceId: `connection:${ID}` }]],
  'telephonyCredentials.delete': [[ID]],
  'telephonyCredentials.expire': [[ID, new Date('2026-07-01T00:00:00Z')]],
  'ipConnections.list': [[]],
  'ipConnections.get': [[ID]],
  'ipConnections.update': [[ID, { active: false }]],
  'ips.list': [[], [{ connectionId: ID }]],
  'ips.delete': [[ID]],
  'fqdnConnections.list': [[]],
  'fqdnConnections.get': [[ID]],
  'fqdnConnections.update': [[ID, { active: false }]],
  'fqdns.list': [[], [{ connectionId: ID }]],
  'fqdns.delete': [[ID]],
  'messagingProfiles.list': [[]],
  'messagingProfiles.get': [[ID]],
  'messagingProfiles.update': [
    [
      ID,
      {
        enabled: true,
        daily_spend_limit: '50.00',
        daily_spend_limit_enabled: true,
        whitelisted_destinations: ['US'],
        webhook_url: 'https://hooks.example.com/sms',
        webhook_failover_url: null,
      },
    ],
  ],
  'messagingProfiles.regenerateSecret': [[ID]],
  'numberVoiceSettings.list': [[]],
  'numberVoiceSettings.get': [[ID]],
  'numberVoiceSettings.update': [
    [ID, { call_forwarding: { call_forwarding_enabled: false } }],
    [
      ID,
      {
        call_forwarding: {
          call_forwarding_enabled: true,
          forwarding_type: 'on-failure',
          forwards_to: '+15555550100',
        },
        translated_number: '',
        call_recording: { inbound_call_recording_enabled: false },
      },
    ],
  ],
  'callControlApplications.list': [[]],
  'callControlApplications.get': [[ID]],
  'callControlApplications.update': [
    [
      ID,
      {
        application_name: 'ivr',
        webhook_event_url: 'https://hooks.example.com/cc',
        active: false,
        webhook_event_failover_url: null,
      },
    ],
  ],
  'texmlApplications.list': [[]],
  'texmlApplications.get': [[ID]],
  'texmlApplications.update': [
    [
      ID,
      {
        friendly_name: 'texml-ivr',
        voice_url: 'https://texml.example.com/voice',
        active: false,
        voice_fallback_url: 'https://texml.example.com/fallback',
        status_callback: 'https://texml.example.com/status',
      },
    ],
  ],
  'outboundVoiceProfiles.list': [[]],
  'outboundVoiceProfiles.get': [[ID]],
  'outboundVoiceProfiles.update': [
    [
      ID,
      {
        name: 'main-profile',
        enabled: true,
        daily_spend_limit: '50.00',
        daily_spend_limit_enabled: true,
        max_destination_rate: 0.05,
        whitelisted_destinations: ['US', 'CA'],
        concurrent_call_limit: 10,
      },
    ],
  ],
  'organizationUsers.list': [[]],
  'organizationUsers.delete': [[ID]],
  'oauthGrants.list': [[]],
  'oauthGrants.delete': [[ID]],
  'oauthClients.list': [[]],
  'oauthClients.delete': [[ID]],
  'integrationSecrets.list': [[]],
  'integrationSecrets.delete': [[ID]],
  'accessIpAddresses.list': [[]],
  'accessIpAddresses.add': [['198.51.100.7', 'Reclaim']],
  'accessIpAddresses.delete': [[ID]],
  'accessIpRanges.list': [[]],
  'accessIpRanges.add': [['198.51.100.0/29', 'Reclaim']],
  'accessIpRanges.delete': [[ID]],
  'phoneNumbers.list': [[]],
  'phoneNumbers.get': [[ID]],
  'phoneNumbers.setExternalPin': [[ID, '73920481']],
  'phoneNumbers.pinIs': [[ID, '73920481']],
  'phoneNumbersJobs.setExternalPins': [[[ID, 'id-0002'], '73920481']],
  'phoneNumbersJobs.get': [[ID]],
  'phoneNumbersJobs.recentUpdates': [[2], [1, 1], [1, 250]],
  'billing.balance': [[]],
  'billing.notificationSettings': [[]],
  'billing.notificationChannels': [[]],
  'billing.notificationConditions': [[]],
  'billing.createNotificationSetting': [
    [
      {
        notification_event_condition_id: ID,
        notification_profile_id: ID,
        notification_channel_id: ID,
        parameters: [{ name: 'amount', value: '250.00' }],
      },
    ],
  ],
  'billing.deleteNotificationChannel': [[ID]],
  'auditEvents.list': [
    [],
    [{ createdAfter: new Date('2026-07-01T00:00:00Z'), createdBefore: new Date('2026-07-02T00:00:00Z') }],
  ],
};
