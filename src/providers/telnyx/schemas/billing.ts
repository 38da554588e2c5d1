import { z } from 'zod';
import { listOf, nullableBoolean, nullableString, stringList, timestamps } from './common.js';

/** `GET /balance` (spec `UserBalance`): decimal strings, none required. */
export type Balance = z.output<typeof balanceSchema>;
export const balanceSchema = z.object({
  balance: nullableString,
  available_credit: nullableString,
  credit_limit: nullableString,
  pending: nullableString,
  currency: nullableString,
});

/** A notification setting (spec `NotificationSetting`): a condition, sent to a channel of a profile. */
export type NotificationSetting = z.output<typeof notificationSettingSchema>;
export const notificationSettingSchema = z.object({
  id: z.string(),
  notification_event_condition_id: nullableString,
  notification_profile_id: nullableString,
  notification_channel_id: nullableString,
  status: nullableString,
  parameters: listOf(z.object({ name: nullableString, value: nullableString })),
  ...timestamps,
});

/** A notification channel (spec `NotificationChannel`): where one profile's notifications go. */
export type NotificationChannel = z.output<typeof notificationChannelSchema>;
export const notificationChannelSchema = z.object({
  id: z.string(),
  notification_profile_id: nullableString,
  /** `sms`, `voice`, `email` or `webhook`. */
  channel_type_id: nullableString,
  channel_destination: nullableString,
  ...timestamps,
});

/** What can be notified (spec `NotificationEventCondition`), with the parameters a setting fills in. */
export type NotificationCondition = z.output<typeof notificationConditionSchema>;
export const notificationConditionSchema = z.object({
  id: z.string(),
  name: nullableString,
  description: nullableString,
  associated_record_type: nullableString,
  enabled: nullableBoolean,
  parameters: listOf(
    z.object({ name: nullableString, data_type: nullableString, optional: nullableBoolean }),
  ),
  supported_channels: stringList,
});
