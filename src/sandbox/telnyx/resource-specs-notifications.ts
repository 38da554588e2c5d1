import type { FilterSpec } from './list-query.js';
import type { ResourceSpec } from './resource-spec.js';

/** The spec's `filter[<name>][eq]` of the notification listings. */
function eqFilters(...names: string[]): FilterSpec[] {
  return names.map((name) => ({ param: `filter[${name}][eq]`, field: name, op: 'eq' }));
}

const NOTIFICATION = { idKind: 'uuid', pageSizeDefault: 20, createStatus: 200, patchRequired: [] } as const;

/**
 * Account notifications (spec tag "Notifications"): profiles group channels (an email address, a
 * number, a webhook), a setting sends one event condition (e.g. the balance falling under an
 * amount) to a channel. The conditions are Telnyx's own list; a client only reads it.
 */
export const NOTIFICATION_RESOURCES: readonly ResourceSpec[] = [
  {
    ...NOTIFICATION,
    path: 'notification_profiles',
    key: 'notificationProfiles',
    recordType: 'notification_profile',
    filters: [],
    createRequired: [],
    writable: ['name'],
    types: { name: 'string' },
  },
  {
    ...NOTIFICATION,
    path: 'notification_channels',
    key: 'notificationChannels',
    recordType: 'notification_channel',
    filters: eqFilters('notification_profile_id', 'channel_type_id'),
    createRequired: ['notification_profile_id', 'channel_type_id', 'channel_destination'],
    writable: ['notification_profile_id', 'channel_type_id', 'channel_destination'],
    types: {
      notification_profile_id: 'string',
      channel_type_id: ['sms', 'voice', 'email', 'webhook'],
      channel_destination: 'string',
    },
  },
  {
    ...NOTIFICATION,
    path: 'notification_settings',
    key: 'notificationSettings',
    recordType: 'notification_setting',
    filters: eqFilters('notification_profile_id', 'notification_event_condition_id', 'status'),
    createRequired: ['notification_event_condition_id', 'notification_profile_id'],
    writable: [
      'notification_event_condition_id',
      'notification_profile_id',
      'notification_channel_id',
      'parameters',
    ],
    types: {
      notification_event_condition_id: 'string',
      notification_profile_id: 'string',
      notification_channel_id: 'string',
    },
  },
  {
    ...NOTIFICATION,
    path: 'notification_event_conditions',
    key: 'notificationConditions',
    recordType: 'notification_event_condition',
    filters: [],
    createRequired: [],
    writable: [],
    types: {},
  },
];
