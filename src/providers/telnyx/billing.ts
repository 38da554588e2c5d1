import type { z } from 'zod';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { byId } from './resource-api.js';
import {
  balanceSchema,
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
export type BillingApi = ReturnType<typeof createBillingApi>;

export function createBillingApi(http: ProviderHttp) {
  const list =
    <T>(path: string, what: string, item: z.ZodType<T>) =>
    () =>
      listAll(http, { path, operation: `list ${what}`, item });
  const channel = byId(http, '/notification_channels', notificationChannelSchema);
  return {
    balance: () =>
      requestData(http, { method: 'GET', path: '/balance', operation: 'get balance', item: balanceSchema }),
    notificationSettings: list('/notification_settings', 'notification settings', notificationSettingSchema),
    notificationChannels: list('/notification_channels', 'notification channels', notificationChannelSchema),
    notificationConditions: list(
      '/notification_event_conditions',
      'notification event conditions',
      notificationConditionSchema,
    ),
    createNotificationSetting: (create: NotificationSettingCreate) =>
      requestData(http, {
        method: 'POST',
        path: '/notification_settings',
        operation: 'create notification setting',
        item: notificationSettingSchema,
        body: { ...create },
      }),
    /** `DELETE /notification_channels/{id}`: answers the channel as it was. */
    deleteNotificationChannel: (id: string) => channel('DELETE', id, 'delete notification channel'),
  };
}
