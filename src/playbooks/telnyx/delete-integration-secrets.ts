import type { IntegrationSecret, TelnyxClient } from '../../providers/telnyx/index.js';
import { namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeEach, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, removeListed } from '../kit/step-kit.js';
import type { Trust } from '../kit/trust.js';
import type { AutomatedStepDefinition } from '../types.js';
import { dispatchByKind } from './playbook-error.js';

export const DELETE_INTEGRATION_SECRETS = 'telnyx.delete-integration-secrets';

function planSecret(s: IntegrationSecret, trust: Trust): PlannedResource {
  const label = namedWithId(s.identifier, s.id);
  const created = trust.inWindow(s.created_at, 'created');
  const changed = created ?? trust.inWindow(s.updated_at, 'changed');
  return judgeResource(
    { resource: s.id, summary: `Integration secret ${label}`, reasons: reasonsOf(changed) },
    created !== undefined && {
      kind: 'delete_integration_secret',
      target: s.id,
      params: { identifier: s.identifier ?? '' },
      description: `Delete integration secret ${label}, created after the incident began`,
    },
  );
}

export const deleteIntegrationSecretsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: DELETE_INTEGRATION_SECRETS,
  kind: 'automated',
  title: 'Delete integration secrets made since the takeover',
  why: 'Integration secrets are credentials Telnyx keeps so that your account can authenticate to other services. One stored in the incident window may be the attacker’s, wiring their own service into your account, so those are deleted; an older one changed since is flagged for you to check.',
  risk: 'high',
  discover: (ctx) =>
    judgeEach(
      ctx,
      (client) => client.integrationSecrets.list(),
      planSecret,
      ({ planned, actions }) => {
        const flagged = planned.filter((p) => p.finding.suspicious && !p.action).length;
        const check = flagged > 0 ? ` ${plural(flagged, 'older secret')} changed since: check below.` : '';
        if (actions.length > 0) {
          return `Delete ${actions.length} of ${plural(planned.length, 'integration secret')}, created since the incident began.${check}`;
        }
        return flagged > 0
          ? check.trim()
          : nothingFound(
              `${plural(planned.length, 'integration secret')}, none created since the incident began.`,
            );
      },
    ),
  execute: dispatchByKind(DELETE_INTEGRATION_SECRETS, {
    delete_integration_secret: removeListed(
      (client) => client.integrationSecrets,
      (s) => s.id,
      { result: { deleted: true } },
    ),
  }),
};
