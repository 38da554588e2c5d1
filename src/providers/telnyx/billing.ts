import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import {
  type Balance,
  balanceSchema,
  type NotificationChannel,
  type NotificationCondition,
  type NotificationSetting,
  notificationChannelSchema,
  notificationConditionSchema,
  notificationSettingSchema,
} from './schemas/billing.js';

/** `POST /notification_settings`: the spec's writable fields (ids and status are read-only). */
export interface NotificationSettingCreate {
  notification_event_condition_id: string;
  notification_profile_id: string;
  notification_channel_id: string;
  parameters: { name: string; value: string }[];
}

/** The balance and the notification settings that can warn of a spend spike. */
export interface BillingApi {
  balance(): Promise<Balance>;
  notificationSettings(): Promise<Listing<NotificationSetting>>;
  notificationChannels(): Promise<Listing<NotificationChannel>>;
  notificationConditions(): Promise<Listing<NotificationCondition>>;
  createNotificationSetting(create: NotificationSettingCreate): Promise<NotificationSetting>;
  /** `DELETE /notification_channels/{id}`: answers the channel as it was. */
  deleteNotificationChannel(id: string): Promise<NotificationChannel>;
}

export function createBillingApi(http: ProviderHttp): BillingApi {
  return {
    balance: () =>
      requestData(http, { method: 'GET', path: '/balance', operation: 'get balance', item: balanceSchema }),
    notificationSettings: () =>
      listAll(http, {
        path: '/notification_settings',
        operation: 'list notification settings',
        item: notificationSettingSchema,
      }),
    notificationChannels: () =>
      listAll(http, {
        path: '/notification_channels',
        operation: 'list notification channels',
        item: notificationChannelSchema,
      }),
    notificationConditions: () =>
      listAll(http, {
        path: '/notification_event_conditions',
        operation: 'list notification event conditions',
        item: notificationConditionSchema,
      }),
    createNotificationSetting: (create) =>
      requestData(http, {
        method: 'POST',
        path: '/notification_settings',
        operation: 'create notification setting',
        item: notificationSettingSchema,
        body: { ...create },
      }),
    deleteNotificationChannel: (id) =>
      requestData(http, {
        method: 'DELETE',
        path: resourcePath('/notification_channels', id),
        operation: 'delete notification channel',
        item: notificationChannelSchema,
        id,
      }),
  };
}
