import type { SipCredential, SipCredentialList, TwilioClient } from '../../providers/twilio/index.js';
import { discoveryOf, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { deleteSipCredential, rotateSipPassword } from './sip-credential-actions.js';

export const ROTATE_SIP_CREDENTIALS = 'twilio.rotate-sip-credentials';

/** A credential made in the window is deleted; every other one gets a new password. */
function planCredential(c: SipCredential, list: SipCredentialList, trust: Trust): PlannedResource {
  const listName = list.friendly_name ?? list.sid;
  const username = c.username ?? '';
  const created = trust.inWindow(c.date_created, 'created');
  const label = `“${username}” in credential list “${listName}”`;
  const params = { listSid: list.sid, listName, username };
  return judgeResource(
    { resource: c.sid, summary: `SIP credential ${label}`, reasons: reasonsOf(created) },
    created
      ? {
          kind: 'delete_sip_credential',
          target: c.sid,
          params,
          description: `Delete SIP credential ${label}, created after the incident began`,
        }
      : {
          kind: 'rotate_sip_password',
          target: c.sid,
          // When it was last changed: a recheck compares, to tell whether an earlier attempt landed.
          params: { ...params, dateUpdated: c.date_updated ?? '' },
          description: `Set a new password on SIP credential ${label}; it is sealed for one reveal`,
        },
  );
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const listed = await ctx.client.sipCredentials.lists();
  const lists = listed.items;
  const planned: PlannedResource[] = [];
  const unreadable = [...listed.unreadable];
  for (const list of lists) {
    const credentials = await ctx.client.sipCredentials.list(list.sid);
    unreadable.push(...credentials.unreadable);
    planned.push(...credentials.items.map((c) => planCredential(c, list, trust)));
  }
  const discovery = discoveryOf(planned, (actions) => {
    const rotating = actions.filter((a) => a.kind === 'rotate_sip_password').length;
    const deleting = actions.length - rotating;
    const parts = [
      rotating > 0 && `new passwords for ${plural(rotating, 'credential')}`,
      deleting > 0 && `delete ${plural(deleting, 'credential')} created after the incident began`,
    ].filter((p): p is string => typeof p === 'string');
    return actions.length === 0
      ? nothingFound(`${plural(lists.length, 'SIP credential list')}, no credentials in them.`)
      : `In ${plural(lists.length, 'SIP credential list')}: ${parts.join('; ')}. Update each PBX or phone with its new password.`;
  });
  return withUnreadable(discovery, unreadable);
}

export const rotateSipCredentialsStep: AutomatedStepDefinition<TwilioClient> = {
  id: ROTATE_SIP_CREDENTIALS,
  kind: 'automated',
  title: 'Rotate the passwords of SIP credentials',
  why: 'Anyone who held the Console could change a SIP password or add a credential and register their own phone to call out on your bill. New passwords lock them out; credentials made since the takeover are deleted.',
  risk: 'high',
  discover,
  execute: dispatchByKind(ROTATE_SIP_CREDENTIALS, {
    rotate_sip_password: rotateSipPassword,
    delete_sip_credential: deleteSipCredential,
  }),
};
