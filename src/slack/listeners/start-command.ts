import type { Config, ProviderName } from '../../config/config.js';
import type { Actor } from '../../domain/actor.js';
import { incidentConnections, missingConnections } from '../../incidents/incident-connections.js';
import { hasPlaybookFor, mayOpenIncident } from '../../incidents/may-open-incident.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import type { ParsedCommand } from '../commands/parse-command.js';
import { openIncident } from '../flows/open-incident.js';
import type { Reply } from './answer.js';

const CREDENTIALS: Record<ProviderName, string> = {
  telnyx: 'TELNYX_API_KEY',
  twilio: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN',
  sendgrid: 'SENDGRID_API_KEY',
};

/**
 * `start`: refuses a provider without credentials (saying what to set, or to rehearse), a
 * provider this release has no playbook for, a real incident from anyone outside the configured
 * team (from everyone while no team is configured) and a rehearsal past the per-user limit;
 * otherwise opens the incident and hands the requester a link to its channel.
 */
export async function startCommand(
  ctx: SlackContext,
  cards: CardDrawer,
  parsed: Extract<ParsedCommand, { kind: 'start' }>,
  userId: string,
  reply: Reply,
  configured: (config: Config) => ProviderName[],
): Promise<void> {
  const checked = await checkStart(ctx, parsed, userId, configured);
  if (!checked.ok) return reply(buildRefusal(checked.message));
  const { rehearsal, connections, requester } = checked;
  const opened = await openIncident(ctx, cards, {
    provider: parsed.provider,
    label: parsed.label,
    since: parsed.since,
    rehearsal,
    ...(parsed.watchHours !== null ? { watchHours: parsed.watchHours } : {}),
    connections,
    requester,
    now: ctx.deps.now(),
  });
  const failures =
    opened.inviteFailures.length > 0
      ? ` (${opened.inviteFailures.length} could not be invited; see the channel)`
      : '';
  await reply({
    text: `Incident opened in #${opened.channelName}`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `🚨 Incident opened in <#${opened.channelId}>${failures}. Contain now comes first; the checklist cards follow and are discovered as they are posted. Follow the pinned progress card.`,
        },
      },
    ],
  });
}

/** Every refusal of a start, before anything is created (the start modal shows them on its form). */
export async function checkStart(
  ctx: SlackContext,
  parsed: Extract<ParsedCommand, { kind: 'start' }>,
  userId: string,
  configured: (config: Config) => ProviderName[],
): Promise<
  { ok: false; message: string } | { ok: true; rehearsal: boolean; connections: string[]; requester: Actor }
> {
  const no = (message: string) => ({ ok: false as const, message });
  const rehearsal = parsed.rehearsal || parsed.sandbox;
  if (!hasPlaybookFor(ctx.deps, { provider: parsed.provider, rehearsal })) {
    return no(
      `This release of Reclaim has no ${rehearsal ? 'rehearsal ' : ''}playbook for ${parsed.provider} yet.`,
    );
  }
  const connections = incidentConnections(parsed.provider, parsed.connections);
  if (!rehearsal) {
    const missing = await missingConnections(ctx.deps, connections, configured(ctx.config as Config));
    const named = missing.filter((label) => label.includes(':'));
    if (named.length > 0) {
      const [provider, name] = named[0]!.split(':');
      return no(
        `Reclaim has no connection named ${named.map((l) => `\`${l}\``).join(' or ')}. An approver adds one with \`/compromise connect ${provider} ${name}\`; \`/compromise connections\` lists them.`,
      );
    }
    if (missing.length > 0) {
      const vars = missing.map((p) => CREDENTIALS[p as ProviderName]).join(', and ');
      return no(
        `No ${missing.join(' or ')} credentials are configured: set ${vars} (and RECLAIM_SECRET_KEY) and restart Reclaim. To practise first: \`/compromise start ${parsed.provider} ${parsed.label} --rehearsal\`${parsed.provider === 'telnyx' ? ' or `/compromise start sandbox`' : ''}.`,
      );
    }
  }
  // Only a real incident asks Slack about the approver group: anyone may open a rehearsal.
  const requester: Actor = rehearsal ? { userId } : await ctx.actorOf(userId);
  const allowed = await mayOpenIncident(ctx.deps, { ...requester, rehearsal });
  if (!allowed.ok) return no(allowed.message);
  return { ok: true, rehearsal, connections, requester };
}
