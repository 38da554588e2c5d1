import type { Listing } from '../../providers/http/index.js';
import type { TwilioClient } from '../../providers/twilio/index.js';
import { judgeEach } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
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

/** A step that clears URLs on untrusted hosts from every record of one kind; see `reviewUrls`. */
export function createUrlResetStep<R extends { sid: string; date_updated: string | null }>(
  config: UrlResetStepConfig<R>,
): AutomatedStepDefinition<TwilioClient> {
  const discover = (ctx: PlaybookContext<TwilioClient>): Promise<Discovery> =>
    judgeEach(
      ctx,
      (client) => config.list(client),
      (r, trust) =>
        reviewUrls(
          {
            sid: r.sid,
            title: config.name(r),
            record: r,
            fields: config.fields,
            dateUpdated: r.date_updated,
            kind: config.kind,
          },
          trust,
        ),
      ({ planned, actions, trust }) =>
        summarise(
          config,
          planned.length,
          actions.length,
          planned.filter((p) => p.finding.suspicious).length,
          trust.hostsConfigured,
        ),
    );
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
