// SendGrid's Contain now: every key the clean-up deletes or replaces cut down to one harmless scope, reversibly.
import { containStepKey } from '../../domain/containment.js';
import type { ApiKeyWithScopes, SendgridClient } from '../../providers/sendgrid/index.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { keysWithScopes, ownScopes } from './api-key-reads.js';
import { cleanUpRemoves, controlScopesOf, isReplacement, type OwnKey } from './api-key-rules.js';
import { CONTAINED_SCOPES, isContained, REDUCE_KEY_SCOPES, scopesBeforeOf } from './contained-scopes.js';
import { setKeyScopes } from './key-scope-actions.js';
import { dispatchByKind } from './playbook-error.js';
import { restoreContainedStep } from './restore-contained.js';

export const CONTAIN_NOW = containStepKey('sendgrid');

/** What Reclaim's own key must hold to cut other keys down: the right to update keys, and the scope it grants. */
export const CONTAIN_NEEDS: readonly string[] = ['api_keys.update', ...CONTAINED_SCOPES];

const KEPT = CONTAINED_SCOPES.join(', ');

/** The name the PUT sends back: the key's own (the PUT requires one; a key without one gets a plain one). */
function nameOf(key: ApiKeyWithScopes): string {
  return key.name && key.name.trim() !== '' ? key.name : 'Unnamed key';
}

function kept(key: ApiKeyWithScopes, summary: string, reason: string): PlannedResource {
  return { finding: { resource: key.api_key_id, summary, suspicious: false, reasons: [reason] } };
}

function judge(key: ApiKeyWithScopes, own: OwnKey): PlannedResource {
  const label = `API key ${namedWithId(key.name, key.api_key_id)}`;
  if (key.api_key_id === own.id) {
    return kept(key, `${label}: the key Reclaim uses`, 'left as it is: the clean-up works with it');
  }
  if (!cleanUpRemoves(key, own)) {
    return isReplacement(key)
      ? kept(key, label, 'Reclaim made it in the clean-up: not known to the attacker')
      : kept(
          key,
          label,
          'the clean-up cannot replace it (Reclaim’s own key lacks some of its scopes), so it is not cut down either: replace it in Settings › API Keys',
        );
  }
  if (isContained(key)) return kept(key, `${label} is already cut down to ${KEPT}`, 'nothing to do');
  // Flagged as the replace step flags it: a key that can take control; any other is planned unflagged.
  const control = controlScopesOf(key);
  const scopes = plural(key.scopes.length, 'scope');
  return {
    finding:
      control.length > 0
        ? {
            resource: key.api_key_id,
            summary: `${label}, ${scopes}: the clean-up deletes it`,
            suspicious: true,
            reasons: [`can take control of the account (${control.join(', ')})`],
          }
        : {
            resource: key.api_key_id,
            summary: `${label}, ${scopes}: the clean-up replaces it`,
            suspicious: false,
            reasons: [],
          },
    action: {
      kind: REDUCE_KEY_SCOPES,
      target: key.api_key_id,
      params: { name: nameOf(key), scopesBefore: [...key.scopes], scopes: [...CONTAINED_SCOPES] },
      description: `Cut ${label} down from ${plural(key.scopes.length, 'scope')} to ${KEPT} (it sends no mail and changes nothing until Restore puts its scopes back)`,
    },
  };
}

function summarise(keys: number, own: OwnKey, lacking: readonly string[], candidates: number): string {
  if (keys === 0) return nothingFound('the account has no API keys.');
  if (own.id === null) {
    return `Reclaim cannot tell which of ${plural(keys, 'key')} is its own (SENDGRID_API_KEY is not of the form SG.<id>.<secret>), so no key is cut down: delete the attacker’s keys in Settings › API Keys.`;
  }
  if (candidates === 0) return nothingFound(`${plural(keys, 'API key')}, none to cut down.`);
  if (lacking.length > 0) {
    return `Reclaim’s own key lacks ${lacking.join(', ')}, so it cannot cut ${plural(candidates, 'key')} down: delete the attacker’s keys in Settings › API Keys, or connect a key that holds ${lacking.length === 1 ? 'it' : 'them'} and rediscover.`;
  }
  return `Cut ${plural(candidates, 'API key')} down to the one scope ${KEPT} now: SendGrid shows no dates for keys, so every key the clean-up deletes or replaces is treated as known to the attacker, and until then none of them sends mail or changes the account. Reclaim’s own key stays as it is; Restore puts back the scopes of any key the clean-up leaves.`;
}

/** Keys that can take control first: they matter most, and the clean-up deletes them. */
function controlFirst(planned: PlannedResource[]): PlannedResource[] {
  const control = (p: PlannedResource) => p.finding.suspicious;
  return [...planned.filter(control), ...planned.filter((p) => !control(p))];
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const { keys, unreadable } = await keysWithScopes(ctx.client);
  const own: OwnKey = { id: ctx.client.ownApiKeyId, scopes: await ownScopes(ctx) };
  const lacking = own.scopes === null ? [] : CONTAIN_NEEDS.filter((s) => !own.scopes?.includes(s));
  const judged = controlFirst(keys.map((k) => judge(k, own)));
  const candidates = judged.filter((p) => p.action).length;
  // Without the scopes it needs, nothing is planned: each PUT would be refused.
  const planned = lacking.length > 0 ? judged.map(({ finding }) => ({ finding })) : judged;
  const discovery = discoveryOf(planned, () => summarise(keys.length, own, lacking, candidates));
  return withUnreadable(discovery, unreadable);
}

export const containNowStep: AutomatedStepDefinition<SendgridClient> = {
  id: CONTAIN_NOW,
  kind: 'automated',
  title: 'Contain now: cut the attacker-seen API keys down to one harmless scope',
  why: 'An API key keeps sending mail after the password changes, and deleting or replacing every key takes a while. Cutting each key the clean-up removes down to one read-only scope stops it at once, and Restore puts back the scopes of any key the clean-up leaves.',
  risk: 'normal',
  // Each key is its own PUT: several may be in flight.
  concurrency: 4,
  discover,
  execute: dispatchByKind(CONTAIN_NOW, {
    [REDUCE_KEY_SCOPES]: setKeyScopes((scopes, action) => ({
      reduced: true,
      scopes,
      scopesBefore: scopesBeforeOf(action) ?? [],
    })),
  }),
  restore: restoreContainedStep,
};
