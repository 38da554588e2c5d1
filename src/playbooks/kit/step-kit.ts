// What every provider's steps share: bound dispatch and params, the recheck rule, 404 as done, card words.

import type { ProviderName } from '../../domain/providers.js';
import { type Listing, listingHas, ProviderError } from '../../providers/http/index.js';
import type { ActionOutcome, AutomatedStepDefinition } from '../types.js';
import { dispatchActions, type KindExecutor, type PlaybookErrorClass, paramReader } from './action-kit.js';

/**
 * The dispatch and param readers of one provider's steps, bound to its error class: a stored plan
 * they cannot run fails as `<provider>_unknown_action` or `<provider>_bad_action_params`.
 */
export function stepKitFor<Client>(provider: ProviderName, ErrorClass: PlaybookErrorClass) {
  const params = paramReader(provider, ErrorClass);
  return {
    /** An `execute` that hands each action to the executor of its kind. */
    dispatchByKind(
      stepId: string,
      executors: Record<string, KindExecutor<Client>>,
    ): AutomatedStepDefinition<Client>['execute'] {
      return dispatchActions(provider, ErrorClass, stepId, executors);
    },
    /** A string param the executor needs; a plan without it fails with a message naming it. */
    textParam: params.text,
    optionalTextParam: params.optionalText,
    optionalNumberParam: params.optionalNumber,
    textListParam: params.textList,
    /** The params read with a zod schema; a plan that does not fit names the first field. */
    paramsOf: params.parsed,
  };
}

/**
 * The recheck rule of every action: with `recheck`, read the resource first and return what
 * `alreadyDone` says when the change is already there; otherwise write (one request).
 */
export async function writeUnlessDone(
  recheck: boolean,
  alreadyDone: () => Promise<ActionOutcome | undefined>,
  write: () => Promise<ActionOutcome>,
): Promise<ActionOutcome> {
  if (recheck) {
    const done = await alreadyDone();
    if (done) return done;
  }
  return write();
}

/** A 404 from the provider: the thing is already gone, which is what a removal wanted. */
export function isGone(err: unknown): boolean {
  return err instanceof ProviderError && err.code === 'provider_not_found';
}

/** Whether `err` is a write whose outcome the provider left unknown (timeout, 5xx after sending). */
export function outcomeUnknown(err: unknown): boolean {
  return err instanceof ProviderError && err.outcomeUnknown;
}

/** What `work` answers, or null when the provider says the thing is gone (404). */
export async function orGone<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (err) {
    if (isGone(err)) return null;
    throw err;
  }
}

/** `done` with the note that someone removed the thing first. */
function alreadyGone(done: ActionOutcome): ActionOutcome {
  return { result: { ...done.result, note: 'already gone' } };
}

/** Runs a removal; a 404 means someone removed it first, which counts as done. */
export async function removeOrGone(
  remove: () => Promise<unknown>,
  done: ActionOutcome,
): Promise<ActionOutcome> {
  try {
    await remove();
    return done;
  } catch (err) {
    if (isGone(err)) return alreadyGone(done);
    throw err;
  }
}

/**
 * A removal under the recheck rule: with `recheck`, `stillThere` is asked first and nothing is
 * sent when the thing is gone; a 404 on the removal counts as done as well.
 */
export function removeUnlessGone(
  recheck: boolean,
  stillThere: () => Promise<boolean>,
  remove: () => Promise<unknown>,
  done: ActionOutcome,
): Promise<ActionOutcome> {
  return writeUnlessDone(
    recheck,
    async () => ((await stillThere()) ? undefined : alreadyGone(done)),
    () => removeOrGone(remove, done),
  );
}

/**
 * An executor that deletes `action.target` from the list `api` keeps, under `removeUnlessGone`. A
 * record the listing could not read but names by that id counts as still there.
 */
export function removeListed<Client, Item>(
  api: (client: Client) => { list(): Promise<Listing<Item>>; delete(id: string): Promise<unknown> },
  idOf: (item: Item) => string,
  done: ActionOutcome,
): KindExecutor<Client> {
  return (ctx, action, recheck) => {
    const listed = api(ctx.client);
    return removeUnlessGone(
      recheck,
      async () => listingHas(await listed.list(), action.target, idOf),
      () => listed.delete(action.target),
      done,
    );
  };
}

/** The summary of an empty plan: it always starts with "Nothing found". */
export function nothingFound(detail: string): string {
  return `Nothing found: ${detail}`;
}

/** `1 connection`, `3 connections`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** An ISO 8601 instant in UTC as the cards write it: `2026-03-01T10:22:05Z` → `2026-03-01 10:22 UTC`. */
export function describeTime(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** Any instant a provider writes (RFC 2822 or ISO 8601) as the cards show it; `an unknown time` when unreadable. */
export function shownTime(date: string | null | undefined): string {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(at) ? 'an unknown time' : describeTime(new Date(at).toISOString());
}
