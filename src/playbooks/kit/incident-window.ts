// The incident window: `--since`, or by default the 30 days before the incident was opened, said on every card.
import type { AutomatedStepDefinition, PlaybookContext, StepDefinition } from '../types.js';

/** How far back the window reaches when the incident was opened without `--since`. */
export const DEFAULT_WINDOW_DAYS = 30;

const DAY = 86_400_000;

export interface IncidentWindow {
  /** Resources created or changed at or after this instant are in the window. */
  since: Date;
  /** True when no `--since` was given and the window is the default one. */
  defaulted: boolean;
}

/**
 * The window of one discovery: `ctx.since` when the incident has one, otherwise the
 * `DEFAULT_WINDOW_DAYS` before the incident was opened (`ctx.openedAt`; now when unknown).
 */
export function windowOf(ctx: Pick<PlaybookContext<unknown>, 'since' | 'openedAt'>): IncidentWindow {
  if (ctx.since) return { since: ctx.since, defaulted: false };
  const from = ctx.openedAt?.getTime() ?? Date.now();
  return { since: new Date(from - DEFAULT_WINDOW_DAYS * DAY), defaulted: true };
}

/** The sentence every card of an incident without `--since` carries. */
export function defaultWindowNote(window: IncidentWindow): string {
  return `No --since was given, so the incident window is the default: the ${DEFAULT_WINDOW_DAYS} days since ${window.since.toISOString().slice(0, 10)}; resources made or changed in it are treated as the attacker's. Open the incident with --since YYYY-MM-DD to narrow or widen it.`;
}

/** `step` whose card says when the window is the default one (automated steps; manual ones as they are). */
export function sayingTheWindow<Client>(step: StepDefinition<Client>): StepDefinition<Client> {
  if (step.kind !== 'automated') return step;
  const wrapped: AutomatedStepDefinition<Client> = {
    ...step,
    async discover(ctx) {
      const discovery = await step.discover(ctx);
      const window = windowOf(ctx);
      return window.defaulted
        ? { ...discovery, summary: `${discovery.summary} ${defaultWindowNote(window)}` }
        : discovery;
    },
  };
  return wrapped;
}
