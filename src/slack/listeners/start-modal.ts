/** `/compromise start` with no arguments: the start form, checked on submission, then the same start as typed. */
import type { App } from '@slack/bolt';
import { configuredProviders } from '../../config/config.js';
import { connectionChoices } from '../../incidents/list-connections.js';
import {
  buildStartAnswer,
  buildStartModal,
  SANDBOX_OPTION,
  START_FIELDS,
  START_MODAL_CALLBACK_ID,
} from '../blocks/build-start-modal.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { type ParsedCommand, parseCommand } from '../commands/parse-command.js';
import type { Reply } from './answer.js';
import { answerErrors } from './answer.js';
import { checkStart, startCommand } from './start-command.js';

/** Opens the form: the connections Reclaim holds, plus a rehearsal. */
export async function openStartModal(
  ctx: SlackContext,
  who: { triggerId: string; channelId: string },
): Promise<void> {
  const connections = await connectionChoices(ctx.deps);
  await ctx.gateway.openView(
    who.triggerId,
    buildStartModal({ connections, today: ctx.deps.now(), channelId: who.channelId }),
  );
}

type Values = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_date?: string | null;
      selected_options?: { value: string }[];
    }
  >
>;

/** The form as the command it stands for, so both are parsed and checked by the same rules. */
export function startTextOf(values: Values): string {
  const field = (id: string) => values[id]?.[id];
  const connection = field(START_FIELDS.connection)?.selected_option?.value ?? '';
  const label = field(START_FIELDS.label)?.value?.trim() ?? '';
  const since = field(START_FIELDS.since)?.selected_date ?? '';
  const rehearsal = (field(START_FIELDS.rehearsal)?.selected_options ?? []).length > 0;
  const parts = ['start', connection || '""'];
  if (label) parts.push(`"${label}"`);
  if (since) parts.push(`--since ${since}`);
  if (rehearsal && connection !== SANDBOX_OPTION) parts.push('--rehearsal');
  return parts.join(' ');
}

/** Which field a problem belongs to. */
const fieldOf = (problem: string) =>
  /since|date/i.test(problem)
    ? START_FIELDS.since
    : /label|quote|Unexpected text/i.test(problem)
      ? START_FIELDS.label
      : START_FIELDS.connection;

export function registerStartModal(app: App, ctx: SlackContext, cards: CardDrawer): void {
  app.view(START_MODAL_CALLBACK_ID, async ({ ack, view, body, context }) => {
    const parsed: ParsedCommand = parseCommand(startTextOf(view.state.values as Values), ctx.deps.now());
    const userId = body.user.id;
    if (parsed.kind !== 'start') {
      const problem = parsed.kind === 'invalid' ? parsed.problem : 'Choose an account.';
      await ack({ response_action: 'errors', errors: { [fieldOf(problem)]: problem.slice(0, 150) } });
      ctx.acked(context, 'view_submission');
      return;
    }
    const checked = await checkStart(ctx, parsed, userId, configuredProviders);
    if (!checked.ok) {
      await ack({
        response_action: 'errors',
        errors: { [START_FIELDS.connection]: checked.message.slice(0, 150) },
      });
      ctx.acked(context, 'view_submission');
      return;
    }
    await ack({
      response_action: 'update',
      view: buildStartAnswer(
        `🚨 Opening the ${parsed.provider} incident *${parsed.label}*: you are invited to its channel in a moment.`,
      ),
    });
    ctx.acked(context, 'view_submission');
    const { channelId } = JSON.parse(view.private_metadata || '{}') as { channelId?: string };
    // The bot may not be in the channel the form came from: an answer there is a courtesy.
    const reply: Reply = async (message) => {
      if (channelId) await ctx.gateway.ephemeral(channelId, userId, message).catch(() => undefined);
    };
    await ctx.afterAck(() =>
      answerErrors(ctx.logger, reply, 'start modal', () =>
        startCommand(ctx, cards, parsed, userId, reply, configuredProviders),
      ),
    );
  });
}
