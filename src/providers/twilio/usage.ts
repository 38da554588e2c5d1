import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { accountPath, send } from './request.js';
import {
  type UsageRecord,
  type UsageRecurring,
  type UsageTrigger,
  type UsageTriggerBy,
  usageRecordSchema,
  usageTriggerSchema,
} from './schemas/usage.js';

export interface UsageRecordFilter {
  /** e.g. `totalprice` (all spend), `calls`, `sms`. */
  category?: string;
  /** `YYYY-MM-DD`, inclusive. */
  startDate?: string;
  endDate?: string;
}

export interface UsageTriggerFilter {
  recurring?: UsageRecurring;
  triggerBy?: UsageTriggerBy;
  usageCategory?: string;
}

/** `POST …/Usage/Triggers.json`; the spec requires the callback, the value and the category. */
export interface NewUsageTrigger {
  callbackUrl: string;
  /** A decimal string, e.g. `"50.00"` (in the account's currency when `triggerBy` is `price`). */
  triggerValue: string;
  usageCategory: string;
  triggerBy: UsageTriggerBy;
  recurring: UsageRecurring;
  friendlyName: string;
}

/** Usage over dates, and the triggers that call a webhook when usage passes a value. */
export interface UsageApi {
  records(filter?: UsageRecordFilter): Promise<Listing<UsageRecord>>;
  triggers(filter?: UsageTriggerFilter): Promise<Listing<UsageTrigger>>;
  createTrigger(trigger: NewUsageTrigger): Promise<UsageTrigger>;
}

export function createUsageApi(http: ProviderHttp, accountSid: string): UsageApi {
  const base = `${accountPath(accountSid)}/Usage`;
  return {
    records: async (filter = {}) =>
      listAll(http, {
        path: `${base}/Records.json`,
        key: 'usage_records',
        item: usageRecordSchema,
        operation: 'list usage records',
        idKeys: ['category'],
        query: { Category: filter.category, StartDate: filter.startDate, EndDate: filter.endDate },
      }),
    triggers: async (filter = {}) =>
      listAll(http, {
        path: `${base}/Triggers.json`,
        key: 'usage_triggers',
        item: usageTriggerSchema,
        operation: 'list usage triggers',
        query: {
          Recurring: filter.recurring,
          TriggerBy: filter.triggerBy,
          UsageCategory: filter.usageCategory,
        },
      }),
    createTrigger: async (t) =>
      send(http, {
        method: 'POST',
        path: `${base}/Triggers.json`,
        operation: 'create usage trigger',
        schema: usageTriggerSchema,
        form: {
          CallbackUrl: t.callbackUrl,
          CallbackMethod: 'POST',
          TriggerValue: t.triggerValue,
          UsageCategory: t.usageCategory,
          TriggerBy: t.triggerBy,
          Recurring: t.recurring,
          FriendlyName: t.friendlyName,
        },
      }),
  };
}
