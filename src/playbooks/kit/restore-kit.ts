// What every provider's Restore step shares: each contained change re-read and judged, then put back.
import type { PlannedAction } from '../../domain/types.js';
import type { ContainedChange, Discovery, PlaybookContext } from '../types.js';
import { discoveryOf, type PlannedResource } from './action-kit.js';
import { nothingFound, plural } from './step-kit.js';

/**
 * How a Restore step judges one contained change, by the kind of the action that made it: re-read
 * the resource and plan it back only when it is still as Contain now left it and the checklist does
 * not keep it stopped (a subaccount the clean-up suspends stays suspended). A change of a kind
 * with no judge (a plan from another release) is a finding for a person, never put back blindly.
 */
export type RestoreJudge<Client> = (
  ctx: PlaybookContext<Client>,
  change: ContainedChange,
) => Promise<PlannedResource>;

/** The discovery of a Restore step: one finding per contained change, an action per one to put back. */
export async function discoverRestore<Client>(
  ctx: PlaybookContext<Client>,
  judges: Readonly<Record<string, RestoreJudge<Client>>>,
): Promise<Discovery> {
  const changes = ctx.contained ?? [];
  const planned: PlannedResource[] = [];
  for (const change of changes) {
    const judge = Object.hasOwn(judges, change.kind) ? judges[change.kind] : undefined;
    planned.push(
      judge
        ? await judge(ctx, change)
        : {
            finding: {
              resource: change.target,
              summary: `${change.target}: stopped by a change this release cannot undo (${change.kind})`,
              suspicious: true,
              reasons: ['put it back by hand if it should run again'],
            },
          },
    );
  }
  return discoveryOf(planned, (actions) => restoreSummary(changes.length, actions));
}

function restoreSummary(contained: number, actions: readonly PlannedAction[]): string {
  if (contained === 0) return nothingFound('Contain now stopped nothing, so nothing is to be put back.');
  const kept = contained - actions.length;
  const back =
    actions.length === 0
      ? 'Nothing is left to put back'
      : `Put back ${plural(actions.length, 'resource')} as they were before Contain now`;
  return kept > 0 ? `${back}; ${kept} of the ${contained} stay as they are (see each line).` : `${back}.`;
}

/** A finding for a contained resource that stays as it is now, with the reason. */
export function staysAsItIs(change: ContainedChange, summary: string, reason: string): PlannedResource {
  return { finding: { resource: change.target, summary, suspicious: false, reasons: [reason] } };
}

/** A finding and the action that puts the resource back. */
export function putBack(
  change: ContainedChange,
  summary: string,
  action: Omit<PlannedAction, 'target'>,
): PlannedResource {
  return {
    finding: { resource: change.target, summary, suspicious: true, reasons: ['stopped by Contain now'] },
    action: { ...action, target: change.target },
  };
}
