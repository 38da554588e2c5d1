import type { Finding, PlannedAction } from '../../domain/types.js';
import type { Listing } from '../../providers/http/index.js';
import type { TwilioClient, UsageRecord, UsageTrigger } from '../../providers/twilio/index.js';
import { type KindExecutor, namedWithId } from '../kit/action-kit.js';
import { findingOf } from '../kit/judge-resource.js';
import { plural } from '../kit/step-kit.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind, textParam } from './playbook-error.js';

type TwilioContext = PlaybookContext<TwilioClient>;

export const ADD_USAGE_TRIGGER = 'twilio.add-usage-trigger';
export const USAGE_TRIGGER_NAME = 'Reclaim daily spend alert';
/** Where the trigger calls on the first trusted host when no callback URL is given. */
export const USAGE_TRIGGER_PATH = '/reclaim/twilio-usage-trigger';
/** The lowest daily threshold Reclaim sets, in the account's currency. */
export const USAGE_TRIGGER_FLOOR = 25;

const DAY = 86_400_000;

export interface UsageTriggerOptions {
  /** Where Twilio should POST when the trigger fires; default `https://<first trusted host>` + `USAGE_TRIGGER_PATH`. */
  callbackUrl?: string;
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function callbackFor(ctx: TwilioContext, options: UsageTriggerOptions): string | undefined {
  if (options.callbackUrl) return options.callbackUrl;
  const host = ctx.trusted.hosts.map((h) => h.trim()).find((h) => h !== '' && !h.startsWith('*.'));
  return host ? `https://${host}${USAGE_TRIGGER_PATH}` : undefined;
}

async function spend(
  ctx: TwilioContext,
  startDate: string,
  endDate: string,
): Promise<{ total: number; listing: Listing<UsageRecord> }> {
  const listing = await ctx.client.usage.records({ category: 'totalprice', startDate, endDate });
  return { total: listing.items.reduce((sum, r) => sum + (r.price ?? 0), 0), listing };
}

/** What a trigger watches: spend (`price`) is the only one that alerts on money. */
function watches(t: UsageTrigger): string {
  if (t.trigger_by === 'price') return `spend passes ${t.trigger_value ?? '?'}`;
  if (t.trigger_by === 'count') return `the count passes ${t.trigger_value ?? '?'} (not spend)`;
  if (t.trigger_by === 'usage') return `usage passes ${t.trigger_value ?? '?'} (not spend)`;
  return `an unknown measure passes ${t.trigger_value ?? '?'}`;
}

function triggerFinding(t: UsageTrigger): Finding {
  return findingOf({
    resource: t.sid,
    summary: `Usage trigger ${namedWithId(t.friendly_name, t.sid)}: ${t.recurring ?? 'once'}, ${t.usage_category ?? 'unknown category'} when ${watches(t)}, calls ${t.callback_url ?? 'nothing'}`,
    reasons: [],
  });
}

/**
 * Reads 30 days of spend before the incident (the baseline) and the spend since, and the daily
 * `totalprice` triggers. With none there, plans one that fires when a day's spend passes twice the
 * baseline's daily average (at least USAGE_TRIGGER_FLOOR). Twilio requires a callback URL: a
 * trigger only calls it, it never stops spending.
 */
export function createAddUsageTriggerStep(
  options: UsageTriggerOptions = {},
): AutomatedStepDefinition<TwilioClient> {
  async function discover(ctx: TwilioContext): Promise<Discovery> {
    const today = Math.floor(Date.now() / DAY) * DAY;
    const baselineEnd = ctx.since ? Math.floor(ctx.since.getTime() / DAY) * DAY - DAY : today;
    const baselineRead = await spend(ctx, day(baselineEnd - 29 * DAY), day(baselineEnd));
    const baseline = baselineRead.total;
    const read: Listing<unknown>[] = [baselineRead.listing];
    const average = baseline / 30;
    const findings: Finding[] = [
      findingOf({
        resource: 'usage:totalprice:baseline',
        summary: `Spend ${day(baselineEnd - 29 * DAY)} to ${day(baselineEnd)}: ${baseline.toFixed(2)} (about ${average.toFixed(2)} a day)`,
        reasons: [],
      }),
    ];
    if (ctx.since) {
      const since = await spend(ctx, day(ctx.since.getTime()), day(today));
      read.push(since.listing);
      findings.push(
        findingOf({
          resource: 'usage:totalprice:incident',
          summary: `Spend since the incident began: ${since.total.toFixed(2)}`,
          reasons: [],
        }),
      );
    }
    const listed = await ctx.client.usage.triggers({ usageCategory: 'totalprice', recurring: 'daily' });
    read.push(listed);
    const triggers = listed.items;
    findings.push(...triggers.map(triggerFinding));
    // Only a trigger on price alerts on spend; one by count or usage watches something else.
    const spendTriggers = triggers.filter((t) => t.trigger_by === 'price');
    const others = triggers.length - spendTriggers.length;
    const callbackUrl = callbackFor(ctx, options);
    const value = Math.max(USAGE_TRIGGER_FLOOR, Math.ceil(average * 2)).toFixed(2);
    const actions: PlannedAction[] = [];
    if (spendTriggers.length === 0 && callbackUrl) {
      actions.push({
        kind: 'create_usage_trigger',
        target: ctx.client.accountSid,
        params: { callbackUrl, triggerValue: value, friendlyName: USAGE_TRIGGER_NAME },
        description: `Create a daily usage trigger that calls ${callbackUrl} when a day's total spend passes ${value}`,
      });
    }
    const notSpend =
      others === 0
        ? ''
        : ` ${plural(others, 'daily trigger')} on total price ${others === 1 ? 'watches' : 'watch'} a count or usage, not spend.`;
    const summary = actions.length
      ? `No daily spend alert exists: create one at ${value} a day (twice the usual). It only calls ${callbackUrl}; point that path at your alerting, or change it in the Console (Monitor › Usage triggers).${notSpend}`
      : spendTriggers.length
        ? `Nothing found: a daily spend trigger already exists (${spendTriggers.length}).${notSpend}`
        : `Nothing planned: Twilio usage triggers need a callback URL and RECLAIM_TRUSTED_HOSTS names no host; create one in the Console (Monitor › Usage triggers).${notSpend}`;
    return withUnreadable({ findings, actions, summary }, unreadableOf(...read));
  }

  const create: KindExecutor<TwilioClient> = async (ctx, action, recheck) => {
    const friendlyName = textParam(action, 'friendlyName');
    const triggerValue = textParam(action, 'triggerValue');
    if (recheck) {
      const existing = (
        await ctx.client.usage.triggers({ usageCategory: 'totalprice', recurring: 'daily' })
      ).items.find((t) => t.friendly_name === friendlyName);
      if (existing) return { result: { created: true, sid: existing.sid, note: 'already there' } };
    }
    const made = await ctx.client.usage.createTrigger({
      callbackUrl: textParam(action, 'callbackUrl'),
      triggerValue,
      usageCategory: 'totalprice',
      triggerBy: 'price',
      recurring: 'daily',
      friendlyName,
    });
    return { result: { created: true, sid: made.sid, triggerValue } };
  };

  return {
    id: ADD_USAGE_TRIGGER,
    kind: 'automated',
    title: 'Add a daily spend alert',
    why: 'Toll fraud runs up charges in hours; a daily usage trigger tells you the day spending jumps instead of the day the invoice arrives. It alerts only, it never blocks calls.',
    risk: 'normal',
    discover,
    execute: dispatchByKind(ADD_USAGE_TRIGGER, { create_usage_trigger: create }),
  };
}
