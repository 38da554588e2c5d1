import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { sha256Hex } from '../../util/hash.js';
import type { KindExecutor } from '../kit/action-kit.js';
import { outcomeUnknown, writeUnlessDone } from '../kit/step-kit.js';
import type { ActionOutcome } from '../types.js';
import { generateSipCredentials } from './generate-sip-credentials.js';
import { TELNYX_PORTAL } from './manual-steps.js';
import { textParam } from './playbook-error.js';

/** Where a responder sets SIP credentials by hand when Reclaim cannot show the ones it set. */
const WHERE_TO_SET = `the portal (${TELNYX_PORTAL}): Voice › SIP Trunking › the connection › Authentication`;

/**
 * New user name and password in one PATCH. The secret goes only into `secrets` (sealed by the
 * engine at once), never into `result`. When the PATCH's outcome is unknown (a timeout after it
 * was sent), the connection is read back: if it carries the user name just generated, the write
 * landed and the credentials are returned after all; otherwise the error goes to the engine, which
 * retries with `recheck`.
 */
export const rotateSipCredentials: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.credentialConnections;
  const name = textParam(action, 'connectionName');
  const digestAtDiscovery = textParam(action, 'userNameDigest');
  return writeUnlessDone(
    recheck,
    async () => {
      const now = await api.get(action.target);
      if (sha256Hex(now.user_name ?? '') === digestAtDiscovery) return undefined;
      // Changed since discovery: an earlier attempt landed, but its answer (and the new password) was lost.
      return {
        result: {
          rotated: true,
          credentials: `not recoverable: an earlier attempt set them and its answer was lost. Set new ones in ${WHERE_TO_SET}.`,
        },
      };
    },
    async () => {
      const fresh = generateSipCredentials();
      const outcome: ActionOutcome = {
        result: { rotated: true },
        secrets: [
          {
            label: `SIP credentials for connection “${name}”`,
            value: `${fresh.userName} / ${fresh.password}`,
          },
        ],
      };
      try {
        await api.update(action.target, { user_name: fresh.userName, password: fresh.password });
      } catch (err) {
        if (!outcomeUnknown(err)) throw err;
        const landed = await api.get(action.target).then(
          (c) => c.user_name === fresh.userName,
          () => false,
        );
        if (!landed) throw err;
      }
      return outcome;
    },
  );
};

/** `active: false` plus random credentials nobody is given: the connection is dead even if re-enabled. */
export const deactivateCredentialConnection: KindExecutor<TelnyxClient> = (ctx, action, recheck) => {
  const api = ctx.client.credentialConnections;
  return writeUnlessDone(
    recheck,
    async () => ((await api.get(action.target)).active ? undefined : { result: { active: false } }),
    async () => {
      const scrambled = generateSipCredentials();
      const after = await api.update(action.target, {
        active: false,
        user_name: scrambled.userName,
        password: scrambled.password,
      });
      return { result: { active: after.active, credentials: 'scrambled' } };
    },
  );
};
