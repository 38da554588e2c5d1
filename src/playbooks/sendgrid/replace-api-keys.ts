import type { Finding, PlannedAction } from '../../domain/types.js';
import { ProviderError, type UnreadableRecord } from '../../providers/http/index.js';
import type { ApiKeyWithScopes, SendgridClient } from '../../providers/sendgrid/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { findingOf } from '../kit/judge-resource.js';
import { nothingFound, orGone, plural } from '../kit/step-kit.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { createReplacementKey, deleteApiKey } from './api-key-actions.js';
import { controlScopesOf, isReplacement, replacementName } from './api-key-rules.js';
import { dispatchByKind } from './playbook-error.js';

export const REPLACE_API_KEYS = 'sendgrid.replace-api-keys';

interface Planned {
  finding: Finding;
  actions: PlannedAction[];
}

function planKey(key: ApiKeyWithScopes, own: string | null): Planned {
  const label = namedWithId(key.name, key.api_key_id);
  const scopes = `${plural(key.scopes.length, 'scope')}`;
  if (key.api_key_id === own) {
    return {
      finding: findingOf({
        resource: key.api_key_id,
        summary: `API key ${label}: the key Reclaim uses, kept`,
        reasons: [],
      }),
      actions: [],
    };
  }
  const control = controlScopesOf(key);
  const suspicious = control.length > 0;
  const finding = findingOf({
    resource: key.api_key_id,
    summary: `API key ${label}, ${scopes}`,
    reasons: suspicious ? [`can take control of the account (${control.join(', ')})`] : [],
  });
  const remove: PlannedAction = {
    kind: 'delete_api_key',
    target: key.api_key_id,
    params: { name: key.name ?? '' },
    description: suspicious
      ? `Delete API key ${label}: it can manage keys, allowed IPs or teammates`
      : `Delete the old API key ${label}`,
  };
  if (suspicious) return { finding, actions: [remove] };
  if (isReplacement(key)) return { finding, actions: [] };
  const name = replacementName(key.name);
  const create: PlannedAction = {
    kind: 'create_api_key',
    target: key.api_key_id,
    params: { name, scopes: [...key.scopes], replaces: key.api_key_id },
    description: `Create “${name}” with the same ${scopes} as ${label}; its value is sealed for one reveal`,
  };
  return { finding, actions: [create, remove] };
}

function summarise(keys: number, own: string | null, actions: PlannedAction[]): string {
  const deleted = actions.filter((a) => a.kind === 'delete_api_key').length;
  const created = actions.filter((a) => a.kind === 'create_api_key').length;
  const control = deleted - created;
  if (keys === 0) return nothingFound('the account has no API keys.');
  if (own === null) {
    return `Reclaim cannot tell which of ${plural(keys, 'key')} is its own (SENDGRID_API_KEY is not of the form SG.<id>.<secret>), so no key is planned for deletion; replace them in the console.`;
  }
  if (actions.length === 0) return nothingFound(`${plural(keys, 'API key')}, none to replace.`);
  const parts = [
    control > 0 && `delete ${plural(control, 'key')} that can take control of the account`,
    created > 0 &&
      `replace ${plural(created, 'other key')}: a new key with the same scopes for each (revealed once, put it in the application), then the old one is deleted`,
  ].filter((p): p is string => typeof p === 'string');
  return `SendGrid lists no dates for keys, so every key but Reclaim's own is treated as known to the attacker: ${parts.join('; ')}.`;
}

/** Keys that can take control go first; each replacement is created just before its old key is deleted. */
function order(planned: Planned[]): PlannedAction[] {
  const control = planned.filter((p) => p.finding.suspicious).flatMap((p) => p.actions);
  const rest = planned.filter((p) => !p.finding.suspicious).flatMap((p) => p.actions);
  return [...control, ...rest];
}

/**
 * One key's scopes. A key deleted between the listing and its lookup is simply no longer there
 * (null); an answer that cannot be read is a record for a person, not a failed step.
 */
async function lookUp(
  client: SendgridClient,
  apiKeyId: string,
): Promise<ApiKeyWithScopes | UnreadableRecord | null> {
  try {
    return await orGone(() => client.apiKeys.get(apiKeyId));
  } catch (err) {
    if (!(err instanceof ProviderError) || err.code !== 'provider_bad_response') throw err;
    const [field = '(the body)', problem = 'unreadable'] = (err.detail ?? '').split(/: (.*)/s);
    return { provider: 'sendgrid', operation: 'get API key scopes', id: apiKeyId, field, problem };
  }
}

async function discover(ctx: PlaybookContext<SendgridClient>): Promise<Discovery> {
  const listed = await ctx.client.apiKeys.list();
  const found = await Promise.all(listed.items.map((k) => lookUp(ctx.client, k.api_key_id)));
  const keys = found.filter((k): k is ApiKeyWithScopes => k !== null && 'scopes' in k);
  const unread = found.filter((k): k is UnreadableRecord => k !== null && 'field' in k);
  const own = ctx.client.ownApiKeyId;
  const planned = keys.map((k) => planKey(k, own));
  const actions = own === null ? [] : order(planned);
  return withUnreadable(
    { findings: planned.map((p) => p.finding), actions, summary: summarise(keys.length, own, actions) },
    [...listed.unreadable, ...unread],
  );
}

export const replaceApiKeysStep: AutomatedStepDefinition<SendgridClient> = {
  id: REPLACE_API_KEYS,
  kind: 'automated',
  title: 'Delete the attacker’s API keys and replace the others',
  why: 'An API key keeps working after the password changes, and SendGrid shows neither when a key was made nor who made it, so every key but Reclaim’s own must be assumed known to the attacker. Keys that can manage the account are deleted; the others are replaced by new keys with the same scopes, each revealed once here.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REPLACE_API_KEYS, {
    create_api_key: createReplacementKey,
    delete_api_key: deleteApiKey,
  }),
};
