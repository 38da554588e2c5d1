import type { Config, ProviderName } from '../../config/config.js';
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
  const rehearsal = parsed.rehearsal || parsed.sandbox;
  if (!hasPlaybookFor(ctx.deps, { provider: parsed.provider, rehearsal })) {
    return reply(
      buildRefusal(
        `This release of Reclaim has no ${rehearsal ? 'rehearsal ' : ''}playbook for ${parsed.provider} yet.`,
      ),
    );
  }
  if (!rehearsal) {
    const have = new Set(configured(ctx.config as Config));
    const missing = parsed.providers.filter((p) => !have.has(p));
    if (missing.length > 0) {
      const vars = missing.map((p) => CREDENTIALS[p]).join(', and ');
      return reply(
        buildRefusal(
          `No ${missing.join(' or ')} credentials are configured: set ${vars} (and RECLAIM_SECRET_KEY) and restart Reclaim. To practise first: \`/compromise start ${parsed.provider} ${parsed.label} --rehearsal\`${parsed.provider === 'telnyx' ? ' or `/compromise start sandbox`' : ''}.`,
        ),
      );
    }
  }
  // Only a real incident asks Slack about the approver group: anyone may open a rehearsal.
  const requester = rehearsal ? { userId } : await ctx.actorOf(userId);
  const allowed = await mayOpenIncident(ctx.deps, { ...requester, rehearsal });
  if (!allowed.ok) return reply(buildRefusal(allowed.message));
  const opened = await openIncident(ctx, cards, {
    provider: parsed.provider,
    label: parsed.label,
    since: parsed.since,
    rehearsal,
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
          text: `🚨 Incident opened in <#${opened.channelId}>${failures}. Discovery has started; follow the pinned progress card.`,
        },
      },
    ],
  });
}
