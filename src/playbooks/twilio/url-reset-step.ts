import type { Listing } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { collectPlans } from '../kit/action-kit.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { type AccountScope, inScope, readEachScope, scopePrefix } from './account-scopes.js';
import { dispatchByKind } from './playbook-error.js';
import { clearUrls, reviewUrls, type UrlField } from './webhook-urls.js';

/** What tells one URL-clearing step from the other: its resource, its fields, its words. */
/** Each action clears one resource's URLs, independent of the others; the limiter still paces them. */
const ACTIONS_IN_FLIGHT = 4;

export interface UrlResetStepConfig<R extends { sid: string; date_updated: string | null }> {
  id: string;
  title: string;
  why: string;
  /** The action kind, e.g. `clear_number_urls`. */
  kind: string;
  /** `number`, `TwiML app`: counted on the card. */
  noun: string;
  fields: readonly UrlField[];
  /**
   * True: the records are an account's own (`/2010-04-01/Accounts/{Sid}/…`), so each kept
   * subaccount's are cleaned too, `list`/`fetch`/`update` getting a client addressed to it.
   */
  subaccounts?: boolean;
  list(client: TwilioClient): Promise<Listing<R>>;
  fetch(client: TwilioClient, sid: string): Promise<R>;
  update(client: TwilioClient, sid: string, urls: Record<string, null>): Promise<R>;
  /** How a card names one, e.g. `number +13035550142 “(303) 555-0142”`. */
  name(record: R): string;
  /** What the clean ones do not do, e.g. `sending calls or messages to an unknown host`. */
  clean: string;
  /** What the others do, e.g. `send calls, messages or status to hosts that are not yours`. */
  dirty: string;
  /** Where in the Console the right URLs are set, e.g. `Phone Numbers › Manage › Active numbers`. */
  consolePath: string;
}

/**
 * With hosts configured every flagged record has an action. Without them nothing is planned, and
 * the flagged records (URLs on hosts no one could judge, or changed in the window) are sent to a
 * person rather than called clean.
 */
function summarise<R extends { sid: string; date_updated: string | null }>(
  config: UrlResetStepConfig<R>,
  total: number,
  actions: number,
  flagged: number,
  hostsConfigured: boolean,
): string {
  const all = plural(total, config.noun);
  if (actions > 0) {
    return `${actions} of ${all} ${config.dirty}: clear those URLs, then set the right ones in the Console (${config.consolePath}).`;
  }
  if (hostsConfigured) return nothingFound(`${all}, none ${config.clean}.`);
  if (flagged === 0) return nothingFound(`${all}, none with a URL set (RECLAIM_TRUSTED_HOSTS is not set).`);
  const one = flagged === 1;
  return `${flagged} of ${all} ${one ? 'calls a host' : 'call hosts'} Reclaim cannot judge (RECLAIM_TRUSTED_HOSTS is not set), so nothing is cleared: check ${one ? 'it' : 'them'} below and in the Console (${config.consolePath}), or set it and rediscover.`;
}

const MAIN = (ctx: PlaybookContext<TwilioClient>): AccountScope => ({ apis: ctx.client, sub: null });

/** A step that clears URLs on untrusted hosts from every record of one kind; see `reviewUrls`. */
export function createUrlResetStep<R extends { sid: string; date_updated: string | null }>(
  config: UrlResetStepConfig<R>,
): AutomatedStepDefinition<TwilioClient> {
  /** The main account's records, then each kept subaccount's, named by their account on the card. */
  const discover = async (ctx: PlaybookContext<TwilioClient>): Promise<Discovery> => {
    const trust = trustOf(ctx);
    const { read, refused } = config.subaccounts
      ? await readEachScope(ctx, `${config.noun}s`, (scope) => config.list(scope.apis))
      : { read: [{ scope: MAIN(ctx), value: await config.list(ctx.client) }], refused: [] };
    const planned = read.flatMap(({ scope, value }) =>
      value.items.map((r) => {
        const plan = reviewUrls(
          {
            sid: r.sid,
            title: `${scopePrefix(scope)}${config.name(r)}`,
            record: r,
            fields: config.fields,
            dateUpdated: r.date_updated,
            kind: config.kind,
          },
          trust,
        );
        return plan.action ? { ...plan, action: inScope(scope, plan.action) } : plan;
      }),
    );
    const { findings, actions } = collectPlans(planned);
    const flagged = planned.filter((p) => p.finding.suspicious).length;
    const summary = summarise(config, planned.length, actions.length, flagged, trust.hostsConfigured);
    return withUnreadable(
      { findings: [...findings, ...refused], actions, summary },
      read.flatMap((r) => r.value.unreadable),
    );
  };
  return {
    id: config.id,
    kind: 'automated',
    title: config.title,
    why: config.why,
    risk: 'high',
    concurrency: ACTIONS_IN_FLIGHT,
    discover,
    execute: dispatchByKind(config.id, {
      [config.kind]: clearUrls(config.fields, config.fetch, config.update),
    }),
  };
}
