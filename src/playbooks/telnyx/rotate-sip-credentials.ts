import type {
  CredentialConnection,
  TelephonyCredential,
  TelnyxClient,
} from '../../providers/telnyx/index.js';
import { sha256Hex } from '../../util/hash.js';
import { discoveryOf, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { changeReasons, judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { unreadableOf, withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind } from './playbook-error.js';
import { deactivateCredentialConnection, rotateSipCredentials } from './sip-credential-actions.js';
import {
  deleteTelephonyCredential,
  expireTelephonyCredential,
  isExpired,
} from './telephony-credential-actions.js';

export const ROTATE_SIP_CREDENTIALS = 'telnyx.rotate-sip-credentials';

/** Why a connection looks like the attacker's (empty: it does not). */
function connectionReasons(c: CredentialConnection, trust: Trust): string[] {
  const reasons = changeReasons(trust, {
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    webhookUrls: [c.webhook_event_url, c.webhook_event_failover_url],
  });
  const open = reasons.length > 0 && c.sip_uri_calling_preference === 'unrestricted';
  return open ? [...reasons, 'accepts SIP URI calls from anyone'] : reasons;
}

function planConnection(c: CredentialConnection, trust: Trust): PlannedResource {
  const reasons = connectionReasons(c, trust);
  const label = namedWithId(c.connection_name, c.id);
  const judged = {
    resource: c.id,
    summary: `Credential connection ${label}${c.active ? '' : ', inactive'}`,
    reasons,
  };
  const connectionName = c.connection_name ?? '';
  if (trust.inWindow(c.created_at, 'created')) {
    return judgeResource(
      judged,
      c.active && {
        kind: 'deactivate_credential_connection',
        target: c.id,
        params: { connectionName },
        description: `Deactivate connection ${label}, created after the incident began, and scramble its credentials`,
      },
    );
  }
  return judgeResource(judged, {
    kind: 'rotate_sip_credentials',
    target: c.id,
    // A digest, not the name: enough for a recheck to tell whether the user name changed.
    params: { connectionName, userNameDigest: sha256Hex(c.user_name ?? '') },
    description: `Rotate the SIP username and password of connection ${label}`,
  });
}

/**
 * An on-demand credential made in the window is deleted. Every other live one is expired: the spec
 * returns `sip_password` to any API caller, so the attacker could list them all, and its update
 * request has no password (only `connection_id`, `expires_at`, `name`, `tag`), so the only way to
 * make a read password worthless is `expires_at` now. Expiring keeps the record (reversible with
 * a later `expires_at`); the application that made it creates a new one.
 */
function planCredential(t: TelephonyCredential, names: Map<string, string>, trust: Trust): PlannedResource {
  const connectionId = t.resource_id?.replace(/^connection:/, '') ?? '';
  const owner = names.get(connectionId) ?? connectionId;
  const expired = isExpired(t, new Date());
  const created = expired ? undefined : trust.inWindow(t.created_at, 'created');
  const label = namedWithId(t.name, t.id);
  const params = { name: t.name ?? '', resourceId: t.resource_id ?? '' };
  const summary = `On-demand SIP credential ${label} of connection “${owner}”${expired ? ', expired' : ''}`;
  if (expired) return judgeResource({ resource: t.id, summary, reasons: [] });
  if (created !== undefined) {
    return judgeResource(
      { resource: t.id, summary, reasons: reasonsOf(created) },
      {
        kind: 'delete_telephony_credential',
        target: t.id,
        params,
        description: `Delete on-demand SIP credential ${label} of connection “${owner}”, created after the incident began`,
      },
    );
  }
  return judgeResource(
    // Like a connection that is rotated, it is not flagged: nothing says it is the attacker's, only
    // that its password was readable; the action's description says why it is expired.
    { resource: t.id, summary, reasons: [] },
    {
      kind: 'expire_telephony_credential',
      target: t.id,
      params,
      description: `Expire on-demand SIP credential ${label} of connection “${owner}” now (expires_at): its password could be read through the API; the application that made it creates a new one`,
    },
  );
}

/** `new credentials for 2 connections; delete 1 on-demand credential created after the incident began`. */
function plannedChanges(actions: { kind: string }[]): string {
  const count = (kind: string) => actions.filter((a) => a.kind === kind).length;
  return [
    count('rotate_sip_credentials') > 0 &&
      `new credentials for ${plural(count('rotate_sip_credentials'), 'connection')} (the attacker could read every password through the API)`,
    count('deactivate_credential_connection') > 0 &&
      `deactivate ${plural(count('deactivate_credential_connection'), 'connection')} created after the incident began`,
    count('delete_telephony_credential') > 0 &&
      `delete ${plural(count('delete_telephony_credential'), 'on-demand credential')} created after the incident began`,
    count('expire_telephony_credential') > 0 &&
      `expire ${plural(count('expire_telephony_credential'), 'older on-demand credential')} (the API shows their passwords to any caller, and none can be changed)`,
  ]
    .filter((p): p is string => typeof p === 'string')
    .join('; ');
}

async function discover(ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const listings = await Promise.all([
    ctx.client.credentialConnections.list(),
    ctx.client.telephonyCredentials.list(),
  ]);
  const [connections, credentials] = [listings[0].items, listings[1].items];
  const names = new Map(connections.map((c) => [c.id, c.connection_name ?? c.id]));
  const resources = [
    ...connections.map((c) => planConnection(c, trust)),
    ...credentials.map((t) => planCredential(t, names, trust)),
  ];
  const discovery = discoveryOf(resources, (actions) =>
    actions.length === 0
      ? nothingFound(
          connections.length === 0
            ? 'the account has no credential connections.'
            : `${plural(connections.length, 'credential connection')}, none active that needs new credentials.`,
        )
      : `Of ${plural(connections.length, 'credential connection')}: ${plannedChanges(actions)}.`,
  );
  return withUnreadable(discovery, unreadableOf(...listings));
}

export const rotateSipCredentialsStep: AutomatedStepDefinition<TelnyxClient> = {
  id: ROTATE_SIP_CREDENTIALS,
  kind: 'automated',
  title: 'Rotate the credentials of SIP connections',
  why: 'Anyone who held the account could read the username and password of every credential connection and register their own PBX to place calls on your bill. New credentials lock them out; connections they created are switched off.',
  risk: 'high',
  // Each action is one connection's or one credential's own write: independent, so several at once.
  concurrency: 4,
  discover,
  execute: dispatchByKind(ROTATE_SIP_CREDENTIALS, {
    rotate_sip_credentials: rotateSipCredentials,
    deactivate_credential_connection: deactivateCredentialConnection,
    delete_telephony_credential: deleteTelephonyCredential,
    expire_telephony_credential: expireTelephonyCredential,
  }),
};
