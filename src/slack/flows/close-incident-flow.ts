import type { Actor } from '../../domain/actor.js';
import type { Incident } from '../../domain/types.js';
import { closeIncident } from '../../incidents/close-incident.js';
import type { Refusal } from '../../incidents/deps.js';
import { renderReportMarkdown } from '../../incidents/report/render-report.js';
import { loadReportView } from '../../incidents/views/load-report-view.js';
import { buildCloseSummary } from '../blocks/build-close-summary.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { SlackCallError } from '../gateway/slack-call-error.js';

export function reportFileName(incident: Incident): string {
  const day = incident.createdAt.toISOString().slice(0, 10).replace(/-/g, '');
  const label = incident.label.replace(/[^a-z0-9_-]+/gi, '-').slice(0, 40) || 'incident';
  return `reclaim-report-${day}-${label}.md`;
}

/**
 * `/compromise close`: the use case decides (open steps need --force and a reason), then the report
 * is posted as a summary message and uploaded in full as Markdown, and the progress card says closed.
 */
export async function closeIncidentInSlack(
  ctx: SlackContext,
  cards: CardDrawer,
  input: Actor & { incidentId: string; force: boolean; reason: string | null },
): Promise<{ ok: true; incident: Incident; markdown: string; uploaded: boolean } | Refusal> {
  const out = await closeIncident(ctx.deps, input);
  if (!out.ok) return out;
  const { incident } = out;
  const report = await loadReportView(ctx.deps, incident.id);
  const markdown = renderReportMarkdown(report, { user: (id) => `@${id}` });
  const fileName = reportFileName(incident);
  const channel = incident.channelId;
  let uploaded = false;
  if (channel) {
    await ctx.gateway.post(channel, buildCloseSummary({ incident, markdown, fileName }));
    try {
      await ctx.gateway.uploadFile(channel, {
        filename: fileName,
        title: `Reclaim report: ${incident.provider} ${incident.label}`,
        content: markdown,
        comment:
          'The full incident report: timeline, approvals, every provider change, skips and the audit chain.',
      });
      uploaded = true;
    } catch (err) {
      ctx.logger.warn(
        { code: err instanceof SlackCallError ? err.slackError : 'unknown' },
        'report file not uploaded',
      );
    }
    await cards.drawProgressNow(incident.id);
  }
  return { ok: true, incident, markdown, uploaded };
}
