import { z } from 'zod';
import { nullableBoolean, nullableString, stringList } from './common.js';

/** `GET /balance` (spec `UserBalance`): decimal strings, none required. */
export interface Balance {
  balance: string | null;
  available_credit: string | null;
  credit_limit: string | null;
  pending: string | null;
  currency: string | null;
}

export const balanceSchema: z.ZodType<Balance> = z.object({
  balance: nullableString,
  available_credit: nullableString,
  credit_limit: nullableString,
  pending: nullableString,
  currency: nullableString,
});

const nameValue = z.object({ name: nullableString, value: nullableString });

/** A notification setting (spec `NotificationSetting`): a condition, sent to a channel of a profile. */
export interface NotificationSetting {
  id: string;
  notification_event_condition_id: string | null;
  notification_profile_id: string | null;
  notification_channel_id: string | null;
  status: string | null;
  parameters: { name: string | null; value: string | null }[];
  created_at: string | null;
  updated_at: string | null;
}

export const notificationSettingSchema: z.ZodType<NotificationSetting> = z.object({
  id: z.string(),
  notification_event_condition_id: nullableString,
  notification_profile_id: nullableString,
  notification_channel_id: nullableString,
  status: nullableString,
  parameters: z
    .array(nameValue)
    .nullish()
    .transform((v) => v ?? []),
  created_at: nullableString,
  updated_at: nullableString,
});

/** A notification channel (spec `NotificationChannel`): where one profile's notifications go. */
export interface NotificationChannel {
  id: string;
  notification_profile_id: string | null;
  /** `sms`, `voice`, `email` or `webhook`. */
  channel_type_id: string | null;
  channel_destination: string | null;
  created_at: string | null;
  updated_at: string | null;
}

export const notificationChannelSchema: z.ZodType<NotificationChannel> = z.object({
  id: z.string(),
  notification_profile_id: nullableString,
  channel_type_id: nullableString,
  channel_destination: nullableString,
  created_at: nullableString,
  updated_at: nullableString,
});

/** What can be notified (spec `NotificationEventCondition`), with the parameters a setting fills in. */
export interface NotificationCondition {
  id: string;
  name: string | null;
  description: string | null;
  associated_record_type: string | null;
  enabled: boolean | null;
  parameters: { name: string | null; data_type: string | null; optional: boolean | null }[];
  supported_channels: string[];
}

export const notificationConditionSchema: z.ZodType<NotificationCondition> = z.object({
  id: z.string(),
  name: nullableString,
  description: nullableString,
  associated_record_type: nullableString,
  enabled: nullableBoolean,
  parameters: z
    .array(z.object({ name: nullableString, data_type: nullableString, optional: nullableBoolean }))
    .nullish()
    .transform((v) => v ?? []),
  supported_channels: stringList,
});
