import type { PlannedAction } from '../../domain/types.js';
import type { Listing } from '../../providers/http/index.js';
import type { TelnyxClient } from '../../providers/telnyx/index.js';
import { judgeEach } from '../kit/judge-resource.js';
import { writeUnlessDone } from '../kit/step-kit.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { ALREADY_INACTIVE, type AppView, planApp, summariseApps } from './app-review.js';
import { dispatchByKind } from './playbook-error.js';

/** What differs between the Call Control and the TeXML application steps. */
export interface AppReviewStepConfig<App extends { active: boolean }> {
  id: string;
  title: string;
  why: string;
  /** `Call Control app`, `TeXML app`: on the card and in the summary. */
  noun: string;
  /** The action kind, e.g. `deactivate_texml_app`. */
  kind: string;
  list(client: TelnyxClient): Promise<Listing<App>>;
  get(client: TelnyxClient, id: string): Promise<App>;
  view(app: App): AppView;
  /**
   * The fields every PATCH must carry, as they are now: kept in the plan and resent on
   * deactivation. A field Telnyx left out is null, and then the app cannot be deactivated here.
   */
  required(app: App): Record<string, string | null>;
  /** Deactivates the app, resending `required` from the action's params. */
  deactivate(client: TelnyxClient, action: PlannedAction): Promise<App>;
}

/** A step that deactivates the active apps calling hosts that are not yours (see planApp). */
export function createAppReviewStep<App extends { active: boolean }>(
  config: AppReviewStepConfig<App>,
): AutomatedStepDefinition<TelnyxClient> {
  const discover = (ctx: PlaybookContext<TelnyxClient>): Promise<Discovery> =>
    judgeEach(
      ctx,
      (client) => config.list(client),
      (app, trust) =>
        planApp(config.view(app), trust, {
          noun: config.noun,
          kind: config.kind,
          params: config.required(app),
        }),
      ({ planned, trust }) => summariseApps(config.noun, planned, trust),
    );
  return {
    id: config.id,
    kind: 'automated',
    title: config.title,
    why: config.why,
    risk: 'high',
    discover,
    execute: dispatchByKind(config.id, {
      [config.kind]: (ctx, action, recheck) =>
        writeUnlessDone(
          recheck,
          async () => ((await config.get(ctx.client, action.target)).active ? undefined : ALREADY_INACTIVE),
          async () => ({ result: { active: (await config.deactivate(ctx.client, action)).active } }),
        ),
    }),
  };
}
