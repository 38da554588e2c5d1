import type { TwilioClient } from '../../providers/twilio/index.js';
import { namedWithId } from '../kit/action-kit.js';
import { findingOf } from '../kit/judge-resource.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { rotateAuthToken } from './auth-token-actions.js';
import { dispatchByKind } from './playbook-error.js';

export const ROTATE_AUTH_TOKEN = 'twilio.rotate-auth-token';

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const account = await ctx.client.accounts.fetch();
  const label = namedWithId(account.friendly_name, account.sid);
  return {
    findings: [
      findingOf({
        resource: account.sid,
        summary: `Account ${label}, ${account.type ?? 'unknown type'}, ${account.status}`,
        reasons: [
          'anyone signed in to the Console can read the Auth Token, so the attacker must be presumed to have it',
        ],
      }),
    ],
    actions: [
      {
        kind: 'rotate_auth_token',
        target: account.sid,
        // When the plan was drawn: a recheck in this process knows a rotation after it was this plan's.
        params: { discoveredAt: new Date().toISOString() },
        description: `Rotate the Auth Token of ${label}: create a secondary token and promote it, so the old one stops working at once; the new one is sealed for one reveal`,
      },
    ],
    summary: `The Auth Token of ${label} opens the whole REST API: rotate it. Every integration that uses it breaks until it gets the new one (revealed once here); Reclaim switches to it by itself and keeps it in its connection, so a restart carries on with it.`,
  };
}

export const rotateAuthTokenStep: AutomatedStepDefinition<TwilioClient> = {
  id: ROTATE_AUTH_TOKEN,
  kind: 'automated',
  title: 'Rotate the Auth Token',
  why: 'The Auth Token is the password of the REST API and the Console shows it to anyone signed in. Promoting a new one makes the leaked token fail at once; Twilio notes inlined tokens in Functions take about a minute to follow.',
  risk: 'high',
  // Promoting the token ends the old one at once: no other job of the process may be mid-request with it.
  runsAlone: true,
  discover,
  execute: dispatchByKind(ROTATE_AUTH_TOKEN, { rotate_auth_token: rotateAuthToken }),
};
