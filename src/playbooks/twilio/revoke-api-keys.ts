import type { Finding, PlannedAction } from '../../domain/types.js';
import { type Listing, ProviderError } from '../../providers/http/index.js';
import type { ApiKey, IamApiKey, TwilioClient } from '../../providers/twilio/index.js';
import { collectPlans, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { windowOf } from '../kit/incident-window.js';
import { findingOf, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, shownTime } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { type AccountScope, inScope, readEachScope, scopePrefix } from './account-scopes.js';
import { createReplacementKey, deleteApiKey } from './key-actions.js';
import { TWILIO_CONSOLE } from './manual-steps.js';
import { dispatchByKind } from './playbook-error.js';

type TwilioContext = PlaybookContext<TwilioClient>;

export const REVOKE_API_KEYS = 'twilio.revoke-api-keys';

/** The name of the key Reclaim creates to replace deleted ones; rediscovery recognises it. */
export const REPLACEMENT_KEY_PREFIX = 'Reclaim replacement';

export function replacementKeyName(now: Date): string {
  return `${REPLACEMENT_KEY_PREFIX} ${now.toISOString().slice(0, 10)}`;
}

/** A key as the step sees it: from the 2010 listing, or only from iam v1 (restricted keys). */
interface SeenKey extends ApiKey {
  flags: string[];
  /** True when only iam v1 lists it: it is deleted through iam v1 too. */
  iamOnly: boolean;
}

function planKey(key: SeenKey, ctx: TwilioContext, scope: AccountScope): PlannedResource {
  const label = namedWithId(key.friendly_name, key.sid);
  const ours = key.friendly_name?.startsWith(REPLACEMENT_KEY_PREFIX) === true;
  const created = ours ? undefined : trustOf(ctx).inWindow(key.date_created, 'created');
  const kind = key.iamOnly ? 'restricted API key (listed by iam v1 only)' : 'API key';
  const flags = key.flags.length > 0 ? `, flags ${key.flags.join(', ')}` : '';
  return judgeResource(
    {
      resource: key.sid,
      summary: `${scopePrefix(scope)}${kind.charAt(0).toUpperCase()}${kind.slice(1)} ${label}, created ${shownTime(key.date_created)}${flags}${ours ? ' by Reclaim' : ''}`,
      reasons: reasonsOf(created),
    },
    created !== undefined &&
      inScope(scope, {
        kind: 'delete_api_key',
        target: key.sid,
        // Keys the 2010 listing shows keep their params as before; iam-only ones say so.
        params: key.iamOnly
          ? { friendlyName: key.friendly_name ?? '', via: 'iam' }
          : { friendlyName: key.friendly_name ?? '' },
        description: `Delete ${kind} ${label}, created after the incident began (it stops working at once)`,
      }),
  );
}

/** iam v1's listing, or why it could not be read (a key that may not call iam, an account without it). */
async function iamKeys(scope: AccountScope): Promise<Listing<IamApiKey> | Finding> {
  try {
    return await scope.apis.iamKeys.list();
  } catch (err) {
    if (!(err instanceof ProviderError) || ![401, 403, 404].includes(err.status ?? 0)) throw err;
    return findingOf({
      resource: scope.sub ? `iam:keys:${scope.sub.sid}` : 'iam:keys',
      summary: `${scopePrefix(scope)}iam v1 /v1/Keys answered ${err.status}: restricted API keys could not be listed`,
      reasons: [
        `review them in the Console (${TWILIO_CONSOLE}): Admin › Account management › API keys & tokens`,
      ],
    });
  }
}

/**
 * The keys of both listings by SID: the 2010 `Keys.json` and iam v1 `/v1/Keys`, which also lists
 * restricted keys (`KeyType=restricted`) the 2010 listing may not show.
 */
function mergeKeys(keys: readonly ApiKey[], iam: readonly IamApiKey[]): SeenKey[] {
  const flags = new Map(iam.map((k) => [k.sid, k.flags]));
  const seen: SeenKey[] = keys.map((k) => ({ ...k, flags: flags.get(k.sid) ?? [], iamOnly: false }));
  const known = new Set(keys.map((k) => k.sid));
  for (const k of iam) if (!known.has(k.sid)) seen.push({ ...k, iamOnly: true });
  return seen;
}

/** One account's keys: a finding each, a deletion for each made in the window, and then one replacement. */
async function discoverScope(ctx: TwilioContext, scope: AccountScope) {
  const [listed, iam] = await Promise.all([scope.apis.keys.list(), iamKeys(scope)]);
  const iamListing = 'items' in iam ? iam : undefined;
  const keys = mergeKeys(listed.items, iamListing?.items ?? []);
  const { findings, actions } = collectPlans(keys.map((k) => planKey(k, ctx, scope)));
  if (!iamListing) findings.push(iam as Finding);
  const deleting = actions.length;
  if (deleting > 0) {
    const name = replacementKeyName(new Date());
    actions.push(
      inScope(scope, {
        kind: 'create_api_key',
        target: scope.apis.accountSid,
        params: { friendlyName: name },
        description: `Create a Standard API key “${name}” for the integrations that used a deleted key; its secret is sealed for one reveal`,
      } satisfies PlannedAction),
    );
  }
  const unreadable = unreadableOf(listed, ...(iamListing ? [iamListing] : []));
  return { findings, actions, deleting, keys, unreadable };
}

async function discover(ctx: TwilioContext): Promise<Discovery> {
  const { read, refused } = await readEachScope(ctx, 'API keys', (scope) => discoverScope(ctx, scope));
  const all = read.map((r) => r.value);
  const keys = all.flatMap((r) => r.keys);
  const deleting = all.reduce((n, r) => n + r.deleting, 0);
  const subs = read.filter((r) => r.scope.sub !== null).length;
  const restricted = keys.filter((k) => k.iamOnly).length;
  const incl = restricted > 0 ? ` (${restricted} restricted, listed by iam v1 only)` : '';
  const where = subs > 0 ? ` in the main account and ${plural(subs, 'kept subaccount')}` : '';
  const counted = `${plural(keys.length, 'API key')}${incl}${where}`;
  const accounts = all.filter((r) => r.deleting > 0).length;
  const replacements =
    accounts === 1 ? 'one replacement key' : `${accounts} replacement keys, one per account`;
  const window = windowOf(ctx);
  const since = window.defaulted ? 'in the default window' : 'after the incident began';
  const summary =
    deleting === 0
      ? nothingFound(`${counted}, none created ${since}.`)
      : `Of ${counted}, ${deleting} ${deleting === 1 ? 'was' : 'were'} created ${since}: delete them and create ${replacements}.`;
  return withUnreadable(
    {
      findings: [...all.flatMap((r) => r.findings), ...refused],
      actions: all.flatMap((r) => r.actions),
      summary,
    },
    all.flatMap((r) => r.unreadable),
  );
}

export const revokeApiKeysStep: AutomatedStepDefinition<TwilioClient> = {
  id: REVOKE_API_KEYS,
  kind: 'automated',
  title: 'Delete API keys created since the takeover',
  why: 'An API key works without the Console password, 2FA or the Auth Token, so a key the attacker made survives every other change; restricted keys are read through iam v1, as the older listing may not show them. A key’s secret is shown only when it is made, so keys older than the takeover stay private.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REVOKE_API_KEYS, {
    delete_api_key: deleteApiKey,
    create_api_key: createReplacementKey,
  }),
};
