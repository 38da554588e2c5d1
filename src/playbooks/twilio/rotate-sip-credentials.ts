import type { Finding, PlannedAction } from '../../domain/types.js';
import type { SipCredential, SipCredentialList, TwilioClient } from '../../providers/twilio/index.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { nothingFound, plural } from '../telnyx/step-kit.js';
import type { AutomatedStepDefinition, Discovery } from '../types.js';
import { deleteSipCredential, rotateSipPassword } from './sip-credential-actions.js';
import { dispatchTwilio, type TwilioContext } from './step-kit.js';

export const ROTATE_SIP_CREDENTIALS = 'twilio.rotate-sip-credentials';

function planCredential(
  c: SipCredential,
  list: SipCredentialList,
  trust: Trust,
): { finding: Finding; action: PlannedAction } {
  const listName = list.friendly_name ?? list.sid;
  const username = c.username ?? '';
  const created = trust.inWindow(c.date_created, 'created');
  const label = `“${username}” in credential list “${listName}”`;
  const finding: Finding = {
    resource: c.sid,
    summary: `SIP credential ${label}`,
    suspicious: created !== undefined,
    reasons: created ? [created] : [],
  };
  const params = { listSid: list.sid, listName, username };
  if (created) {
    return {
      finding,
      action: {
        kind: 'delete_sip_credential',
        target: c.sid,
        params,
        description: `Delete SIP credential ${label}, created after the incident began`,
      },
    };
  }
  return {
    finding,
    action: {
      kind: 'rotate_sip_password',
      target: c.sid,
      // When it was last changed: a recheck compares, to tell whether an earlier attempt landed.
      params: { ...params, dateUpdated: c.date_updated ?? '' },
      description: `Set a new password on SIP credential ${label}; it is sealed for one reveal`,
    },
  };
}

async function discover(ctx: TwilioContext): Promise<Discovery> {
  const trust = trustOf(ctx);
  const lists = await ctx.client.sipCredentials.lists();
  const planned: Array<{ finding: Finding; action: PlannedAction }> = [];
  for (const list of lists) {
    const credentials = await ctx.client.sipCredentials.list(list.sid);
    planned.push(...credentials.map((c) => planCredential(c, list, trust)));
  }
  const actions = planned.map((p) => p.action);
  const rotating = actions.filter((a) => a.kind === 'rotate_sip_password').length;
  const deleting = actions.length - rotating;
  const parts = [
    rotating > 0 && `new passwords for ${plural(rotating, 'credential')}`,
    deleting > 0 && `delete ${plural(deleting, 'credential')} created after the incident began`,
  ].filter((p): p is string => typeof p === 'string');
  return {
    findings: planned.map((p) => p.finding),
    actions,
    summary:
      actions.length === 0
        ? nothingFound(`${plural(lists.length, 'SIP credential list')}, no credentials in them.`)
        : `In ${plural(lists.length, 'SIP credential list')}: ${parts.join('; ')}. Update each PBX or phone with its new password.`,
  };
}

export const rotateSipCredentialsStep: AutomatedStepDefinition<TwilioClient> = {
  id: ROTATE_SIP_CREDENTIALS,
  kind: 'automated',
  title: 'Rotate the passwords of SIP credentials',
  why: 'Anyone who held the Console could change a SIP password or add a credential and register their own phone to call out on your bill. New passwords lock them out; credentials made since the takeover are deleted.',
  risk: 'high',
  discover,
  execute: dispatchTwilio(ROTATE_SIP_CREDENTIALS, {
    rotate_sip_password: rotateSipPassword,
    delete_sip_credential: deleteSipCredential,
  }),
};
