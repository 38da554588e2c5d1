import type { z } from 'zod';
import type { ErrorCode } from '../../domain/error-codes.js';
import type { ReclaimError } from '../../domain/errors.js';
import type { ProviderName } from '../../domain/providers.js';
import type { Finding, PlannedAction } from '../../domain/types.js';
import type {
  ActionOutcome,
  AutomatedStepDefinition,
  Discovery,
  ExecuteOptions,
  PlaybookContext,
} from '../types.js';

/** A playbook's own error class (TelnyxPlaybookError, …): codes are `<provider>_…`. */
export type PlaybookErrorClass = new (
  code: ErrorCode,
  message: string,
  options?: { details?: Record<string, unknown> },
) => ReclaimError;

/** Carries out one action of one kind; `recheck` and `options` as in `AutomatedStepDefinition.execute`. */
export type KindExecutor<Client> = (
  ctx: PlaybookContext<Client>,
  action: PlannedAction,
  recheck: boolean,
  options?: ExecuteOptions,
) => Promise<ActionOutcome>;

/**
 * An `execute` that hands each action to the executor of its kind; a kind the step does not know
 * (a plan from another release) fails with `<provider>_unknown_action`.
 */
export function dispatchActions<Client>(
  provider: ProviderName,
  ErrorClass: PlaybookErrorClass,
  stepId: string,
  executors: Record<string, KindExecutor<Client>>,
): AutomatedStepDefinition<Client>['execute'] {
  return async (ctx, action, options) => {
    const run = Object.hasOwn(executors, action.kind) ? executors[action.kind] : undefined;
    if (!run) {
      throw new ErrorClass(
        `${provider}_unknown_action`,
        `Step ${stepId} has no action "${action.kind}"; rediscover to get a plan this release can run.`,
        { details: { stepId, kind: action.kind, target: action.target } },
      );
    }
    return run(ctx, action, options.recheck, options);
  };
}

/** Reads the params an executor needs; a stored plan without one fails with `<provider>_bad_action_params`, naming it. */
export function paramReader(provider: ProviderName, ErrorClass: PlaybookErrorClass) {
  const bad = (action: PlannedAction, name: string, what: string) =>
    new ErrorClass(
      `${provider}_bad_action_params`,
      `The planned action "${action.description}" lacks ${what} "${name}"; rediscover to get a fresh plan.`,
      { details: { kind: action.kind, target: action.target, param: name } },
    );
  return {
    text(action: PlannedAction, name: string): string {
      const value = action.params[name];
      if (typeof value !== 'string') throw bad(action, name, 'the text');
      return value;
    },
    optionalText(action: PlannedAction, name: string): string | null {
      const value = action.params[name];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'string') throw bad(action, name, 'the text');
      return value;
    },
    optionalNumber(action: PlannedAction, name: string): number | null {
      const value = action.params[name];
      if (value === undefined || value === null) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(action, name, 'the number');
      return value;
    },
    textList(action: PlannedAction, name: string): string[] {
      const value = action.params[name];
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw bad(action, name, 'the list');
      }
      return value as string[];
    },
    /** The params read with `schema`; a plan that does not fit names the first field that does not. */
    parsed<T>(action: PlannedAction, schema: z.ZodType<T>): T {
      const result = schema.safeParse(action.params);
      if (result.success) return result.data;
      throw bad(action, result.error.issues[0]?.path.join('.') || 'params', 'a valid');
    },
  };
}

/** `“Name” (id)`, the way every card names a provider resource; `unnamed` when it has no name. */
export function namedWithId(name: string | null | undefined, id: string): string {
  const label = name && name.trim() !== '' ? name : 'unnamed';
  return `“${label}” (${id})`;
}

/** One resource as a step's discovery judged it: what was found, and the action planned, if any. */
export interface PlannedResource {
  finding: Finding;
  action?: PlannedAction | undefined;
}

/** The findings and planned actions of a step's resources, in their order. */
export function collectPlans(planned: readonly PlannedResource[]): {
  findings: Finding[];
  actions: PlannedAction[];
} {
  return {
    findings: planned.map((p) => p.finding),
    actions: planned.flatMap((p) => (p.action ? [p.action] : [])),
  };
}

/** A discovery of the judged resources: their findings and actions, and the summary `summarise` writes of the actions. */
export function discoveryOf(
  planned: readonly PlannedResource[],
  summarise: (actions: PlannedAction[]) => string,
): Discovery {
  const { findings, actions } = collectPlans(planned);
  return { findings, actions, summary: summarise(actions) };
}
