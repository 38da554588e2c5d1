import type { SimUsageDay, SimUsageTrigger } from './account-state.js';
import { listPage } from './list-page.js';
import { newSid, nowRfc2822, type SimContext } from './sim-context.js';
import { jsonResponse, type SimResponse, twilioErrors } from './sim-http.js';
import { readEnum, readMethod, readText, readUrl } from './validate-form.js';
import { usageTriggerView } from './views.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the seeded categories measure; `totalprice` is every category's price added up. */
const CATEGORIES: Record<string, { description: string; countUnit: string; usageUnit: string }> = {
  calls: { description: 'Voice Minutes', countUnit: 'calls', usageUnit: 'minutes' },
  sms: { description: 'SMS Messages', countUnit: 'messages', usageUnit: 'messages' },
  totalprice: { description: 'Total Price', countUnit: '', usageUnit: 'usd' },
};

function record(ctx: SimContext, category: string, days: SimUsageDay[], start: string, end: string) {
  const sum = (pick: (d: SimUsageDay) => number) => days.reduce((total, d) => total + pick(d), 0);
  const info = CATEGORIES[category] ?? { description: category, countUnit: '', usageUnit: '' };
  const price = Number(sum((d) => d.price).toFixed(4));
  const owner = ctx.state.account.sid;
  return {
    account_sid: owner,
    api_version: '2010-04-01',
    as_of: new Date(ctx.clock()).toISOString().replace(/\.\d{3}Z$/, '+00:00'),
    category,
    count: category === 'totalprice' ? '' : String(sum((d) => d.count)),
    count_unit: info.countUnit,
    description: info.description,
    start_date: start,
    end_date: end,
    price,
    price_unit: 'usd',
    usage: category === 'totalprice' ? String(price) : String(sum((d) => d.usage)),
    usage_unit: info.usageUnit,
    uri: `/2010-04-01/Accounts/${owner}/Usage/Records.json?Category=${category}&StartDate=${start}&EndDate=${end}`,
  };
}

/**
 * `GET …/Usage/Records.json`: one record per category over `StartDate`..`EndDate` (inclusive,
 * `YYYY-MM-DD`; by default the account's whole history up to today), or only `Category`'s.
 */
export function listUsageRecords(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const today = new Date(ctx.clock()).toISOString().slice(0, 10);
  const start = query.get('StartDate') ?? '2000-01-01';
  const end = query.get('EndDate') ?? today;
  if (!DATE.test(start) || !DATE.test(end)) {
    return twilioErrors.badParameter('StartDate and EndDate must be dates as YYYY-MM-DD');
  }
  const days = ctx.state.usage.filter((d) => d.date >= start && d.date <= end);
  const wanted = query.get('Category');
  const categories = [...new Set([...ctx.state.usage.map((d) => d.category), 'totalprice'])].sort();
  const records = categories
    .filter((c) => wanted === null || c === wanted)
    .map((c) => record(ctx, c, c === 'totalprice' ? days : days.filter((d) => d.category === c), start, end));
  return listPage(records, {
    path,
    key: 'usage_records',
    query,
    filters: ['Category', 'StartDate', 'EndDate'],
  });
}

/** `GET …/Usage/Triggers.json`; filters `Recurring`, `TriggerBy`, `UsageCategory`. */
export function listUsageTriggers(ctx: SimContext, query: URLSearchParams, path: string): SimResponse {
  const match = (value: string, param: string) => query.get(param) === null || query.get(param) === value;
  const owner = ctx.state.account.sid;
  const records = ctx.state.usageTriggers
    .filter((t) => match(t.recurring, 'Recurring') && match(t.trigger_by, 'TriggerBy'))
    .filter((t) => match(t.usage_category, 'UsageCategory'))
    .map((t) => usageTriggerView(owner, t));
  return listPage(records, {
    path,
    key: 'usage_triggers',
    query,
    filters: ['Recurring', 'TriggerBy', 'UsageCategory'],
  });
}

/** `POST …/Usage/Triggers.json` (201): `CallbackUrl`, `TriggerValue` and `UsageCategory` required. */
export function createUsageTrigger(ctx: SimContext, form: URLSearchParams): SimResponse {
  const callback = readUrl(form, 'CallbackUrl');
  if (!callback || ('value' in callback && callback.value === null)) {
    return twilioErrors.badParameter('CallbackUrl is required');
  }
  const value = form.get('TriggerValue') ?? '';
  const category = form.get('UsageCategory') ?? '';
  if (!/^\+?[0-9]+(?:\.[0-9]+)?$/.test(value))
    return twilioErrors.badParameter('TriggerValue must be a number');
  if (category === '') return twilioErrors.badParameter('UsageCategory is required');
  const triggerBy = readEnum(form, 'TriggerBy', ['count', 'usage', 'price'] as const);
  const recurring = readEnum(form, 'Recurring', ['daily', 'monthly', 'yearly', 'alltime'] as const);
  const method = readMethod(form, 'CallbackMethod');
  const name = readText(form, 'FriendlyName', 64);
  for (const read of [callback, triggerBy, recurring, method, name])
    if (read && 'error' in read) return read.error;
  const at = nowRfc2822(ctx);
  const trigger: SimUsageTrigger = {
    sid: newSid(ctx, 'UT'),
    friendly_name: name && 'value' in name ? name.value : '',
    usage_category: category,
    trigger_by: triggerBy && 'value' in triggerBy ? triggerBy.value : 'usage',
    trigger_value: value.replace(/^\+/, ''),
    recurring: recurring && 'value' in recurring ? recurring.value : '',
    callback_url: 'value' in callback ? (callback.value ?? '') : '',
    callback_method: method && 'value' in method ? method.value : 'POST',
    current_value: '0',
    date_fired: null,
    date_created: at,
    date_updated: at,
  };
  ctx.state.usageTriggers.push(trigger);
  ctx.recordWrite(trigger.sid);
  return jsonResponse(201, usageTriggerView(ctx.state.account.sid, trigger));
}
