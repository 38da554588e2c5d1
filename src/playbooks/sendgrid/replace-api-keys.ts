import type { Finding, PlannedAction } from '../../domain/types.js';
import type { ApiKeyWithScopes, SendgridClient } from '../../providers/sendgrid/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { findingOf, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { createReplacementKey, deleteApiKey } from './api-key-actions.js';
import { keysWithScopes, ownScopes } from './api-key-reads.js';
import {
  cannotReplace,
  controlScopesOf,
  isCannotReplace,
  isReplacement,
  missingScopes,
  type OwnKey,
  replacementName,
} from './api-key-rules.js';
import { asBeforeContainment, CONTAINED_SCOPES } from './contained-scopes.js';
import { dispatchByKind } from './playbook-error.js';

export const REPLACE_API_KEYS = 'sendgrid.replace-api-keys';

interface Planned {
  finding: Finding;
  actions: PlannedAction[];
}

function createAction(key: ApiKeyWithScopes, label: string, own: boolean): PlannedAction {
  const name = replacementName(key.name);
  const scopes = plural(key.scopes.length, 'scope');
  return {
    kind: 'create_api_key',
    target: key.api_key_id,
    params: { name, scopes: [...key.scopes], replaces: key.api_key_id, ...(own ? { own: true } : {}) },
    description: own
      ? `Create “${name}” with the same ${scopes} as ${label}, the key Reclaim uses, and switch Reclaim to it (kept in its connection, never shown)`
      : `Create “${name}” with the same ${scopes} as ${label}; its value is sealed for one reveal`,
  };
}

function planKey(key: ApiKeyWithScopes, own: OwnKey): Planned {
  const label = namedWithId(key.name, key.api_key_id);
  const scopes = `${plural(key.scopes.length, 'scope')}`;
  const remove: PlannedAction = {
    kind: 'delete_api_key',
    target: key.api_key_id,
    params: { name: key.name ?? '' },
    description: `Delete the old API key ${label}`,
  };
  if (key.api_key_id === own.id) {
    const kept = isReplacement(key);
    const finding = findingOf({
      resource: key.api_key_id,
      summary: `API key ${label}: the key Reclaim uses, ${kept ? 'kept (Reclaim made it)' : 'replaced last'}`,
      reasons: [],
    });
    const old = { ...remove, params: { ...remove.params, own: true } };
    return { finding, actions: kept ? [] : [createAction(key, label, true), old] };
  }
  const control = controlScopesOf(key);
  const suspicious = control.length > 0;
  const lacking = suspicious || isReplacement(key) ? [] : missingScopes(key, own.scopes);
  const finding = findingOf({
    resource: key.api_key_id,
    summary: `API key ${label}, ${scopes}`,
    reasons: reasonsOf(
      suspicious && `can take control of the account (${control.join(', ')})`,
      lacking.length > 0 && cannotReplace(lacking),
    ),
  });
  if (suspicious) {
    const description = `Delete API key ${label}: it can manage keys, allowed IPs or teammates`;
    return { finding, actions: [{ ...remove, description }] };
  }
  if (isReplacement(key) || lacking.length > 0) return { finding, actions: [] };
  return { finding, actions: [createAction(key, label, false), remove] };
}

function summarise(
  keys: number,
  own: string | null,
  actions: PlannedAction[],
  unreplaceable: number,
): string {
  const others = actions.filter((a) => a.params.own !== true);
  const deleted = others.filter((a) => a.kind === 'delete_api_key').length;
  const created = others.filter((a) => a.kind === 'create_api_key').length;
  const control = deleted - created;
  if (keys === 0) return nothingFound('the account has no API keys.');
  if (own === null) {
    return `Reclaim cannot tell which of ${plural(keys, 'key')} is its own (SENDGRID_API_KEY is not of the form SG.<id>.<secret>), so no key is planned for deletion; replace them in the console.`;
  }
  const lacking =
    unreplaceable > 0
      ? ` Reclaim's own key lacks scopes of ${plural(unreplaceable, 'key')} (flagged below), so it cannot make their replacements: replace ${unreplaceable === 1 ? 'it' : 'them'} in Settings › API Keys.`
      : '';
  if (actions.length === 0)
    return `${nothingFound(`${plural(keys, 'API key')}, none to replace.`)}${lacking}`;
  const parts = [
    control > 0 && `delete ${plural(control, 'key')} that can take control of the account`,
    created > 0 &&
      `replace ${plural(created, 'other key')}: a new key with the same scopes for each (revealed once, put it in the application), then the old one is deleted`,
  ].filter((p): p is string => typeof p === 'string');
  if (others.length < actions.length) {
    parts.push(
      "replace Reclaim's own key last: the new one is kept in its connection (never shown), so Reclaim works on after the old one is deleted",
    );
  }
  return `SendGrid lists no dates for keys, so every key is treated as known to the attacker: ${parts.join('; ')}.${lacking}`;
}

/**
 * Keys that can take control go first; each replacement is created just before its old key is
 * deleted; Reclaim's own key last, so every other change is made before it switches keys.
 */
function order(planned: Planned[]): PlannedAction[] {
  const isOwn = (p: Planned) => p.actions.some((a) => a.params.own === true);
  const control = planned.filter((p) => p.finding.suspicious).flatMap((p) => p.actions);
  const rest = planned.filter((p) => !p.finding.suspicious && !isOwn(p)).flatMap((p) => p.actions);
  return [...control, ...rest, ...planned.filter(isOwn).flatMap((p) => p.actions)];
}

/** A key Contain now cut down whose scopes before are not at hand: left as it is, for Restore. */
function heldByContainment(key: ApiKeyWithScopes): Planned {
  const finding = findingOf({
    resource: key.api_key_id,
    summary: `API key ${namedWithId(key.name, key.api_key_id)}, cut down by Contain now`,
    reasons: [
      `it holds only ${CONTAINED_SCOPES.join(', ')} and Contain now’s record of its scopes before is not at hand, so a replacement cannot be made: Restore puts them back, then rediscover`,
    ],
  });
  return { finding, actions: [] };
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const { keys, unreadable } = await keysWithScopes(ctx.client);
  const own: OwnKey = { id: ctx.client.ownApiKeyId, scopes: await ownScopes(ctx) };
  // A key Contain now cut down is judged and replaced with the scopes it had before.
  const planned = keys.map((k) => {
    const before = k.api_key_id === own.id ? k : asBeforeContainment(k, ctx.contained);
    return before ? planKey(before, own) : heldByContainment(k);
  });
  const actions = own.id === null ? [] : order(planned);
  const unreplaceable = planned.filter((p) => p.finding.reasons.some(isCannotReplace)).length;
  const summary = summarise(keys.length, own.id, actions, unreplaceable);
  return withUnreadable({ findings: planned.map((p) => p.finding), actions, summary }, unreadable);
}

export const replaceApiKeysStep: AutomatedStepDefinition<SendgridClient> = {
  id: REPLACE_API_KEYS,
  kind: 'automated',
  title: 'Delete the attacker’s API keys and replace the others',
  why: 'An API key keeps working after the password changes, and SendGrid shows neither when a key was made nor who made it, so every key must be assumed known to the attacker. Keys that can manage the account are deleted; the others are replaced by new keys with the same scopes, each revealed once here; Reclaim’s own key is replaced last and the new one kept in its connection.',
  risk: 'high',
  // Its last action deletes the key Reclaim used: no other job of the process may be mid-request with it.
  runsAlone: true,
  discover,
  execute: dispatchByKind(REPLACE_API_KEYS, {
    create_api_key: createReplacementKey,
    delete_api_key: deleteApiKey,
  }),
};
