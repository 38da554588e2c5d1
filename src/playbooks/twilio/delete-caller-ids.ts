import { listingHas } from '../../providers/http/index.js';
import type { OutgoingCallerId, TwilioClient } from '../../providers/twilio/index.js';
import { collectPlans, type KindExecutor, namedWithId } from '../kit/action-kit.js';
import { windowOf } from '../kit/incident-window.js';
import { judgeResource } from '../kit/judge-resource.js';
import { nothingFound, plural, removeUnlessGone, shownTime } from '../kit/step-kit.js';
import { trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { type AccountScope, apisFor, inScope, readEachScope, scopePrefix } from './account-scopes.js';
import { dispatchByKind } from './playbook-error.js';

export const DELETE_CALLER_IDS = 'twilio.delete-outgoing-caller-ids';

function planCallerId(c: OutgoingCallerId, scope: AccountScope, ctx: PlaybookContext<TwilioClient>) {
  const label = `${c.phone_number ?? 'unknown number'} ${namedWithId(c.friendly_name, c.sid)}`;
  const added = trustOf(ctx).inWindow(c.date_created, 'added');
  return judgeResource(
    {
      resource: c.sid,
      summary: `${scopePrefix(scope)}Verified caller ID ${label}, verified ${shownTime(c.date_created)}`,
      reasons: added ? [added, 'calls and messages can show this number as their sender'] : [],
    },
    added !== undefined &&
      inScope(scope, {
        kind: 'delete_caller_id',
        target: c.sid,
        params: { phoneNumber: c.phone_number ?? '' },
        description: `Delete verified caller ID ${label}, verified after the incident began (it can be verified again)`,
      }),
  );
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const { read, refused } = await readEachScope(ctx, 'verified caller IDs', (scope) =>
    scope.apis.outgoingCallerIds.list(),
  );
  const planned = read.flatMap(({ scope, value }) => value.items.map((c) => planCallerId(c, scope, ctx)));
  const { findings, actions } = collectPlans(planned);
  const since = windowOf(ctx).defaulted ? 'in the default window' : 'after the incident began';
  const all = plural(planned.length, 'verified caller ID');
  const summary =
    actions.length === 0
      ? nothingFound(`${all}, none verified ${since}.`)
      : `${actions.length} of ${all} ${actions.length === 1 ? 'was' : 'were'} verified ${since}: delete ${actions.length === 1 ? 'it' : 'them'}, so calls and messages can no longer be sent as ${actions.length === 1 ? 'that number' : 'those numbers'}.`;
  return withUnreadable(
    { findings: [...findings, ...refused], actions, summary },
    read.flatMap((r) => r.value.unreadable),
  );
}

/** `DELETE …/OutgoingCallerIds/{PN}.json`; one already gone counts as deleted. */
const deleteCallerId: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const { outgoingCallerIds } = apisFor(ctx.client, action);
  return removeUnlessGone(
    recheck,
    async () => listingHas(await outgoingCallerIds.list(), action.target, (c) => c.sid),
    () => outgoingCallerIds.delete(action.target),
    { result: { deleted: true } },
  );
};

export const deleteCallerIdsStep: AutomatedStepDefinition<TwilioClient> = {
  id: DELETE_CALLER_IDS,
  kind: 'automated',
  title: 'Delete caller IDs verified since the takeover',
  why: 'A verified caller ID lets the account call and text as that number, which an attacker uses to spoof a victim or a bank. Deleting one stops that; its owner can verify it again.',
  risk: 'normal',
  discover,
  execute: dispatchByKind(DELETE_CALLER_IDS, { delete_caller_id: deleteCallerId }),
};
