import type { Incident } from '../../domain/types.js';
import { fitTextBudget } from './fit-text-budget.js';
import { formatElapsed } from './format-elapsed.js';
import { clip, mention, plural, sectionBlock, sectionBlocks } from './mrkdwn.js';
import type { SlackMessage } from './types.js';

const MAX_LISTED = 40;

/** The ephemeral answer to `list`: one line per incident with its channel, who opened it and for how long. */
export function buildIncidentList(incidents: Incident[], now: Date): SlackMessage {
  if (incidents.length === 0) {
    return { text: 'No open incidents.', blocks: [sectionBlock('empty', 'No open incidents.')] };
  }
  const open = incidents.filter((i) => i.status === 'open').length;
  const heading = `*Incidents (${open} open${open === incidents.length ? '' : `, ${incidents.length - open} closed`}):*`;
  const lines = [heading, ...incidents.slice(0, MAX_LISTED).map((i) => incidentLine(i, now))];
  if (incidents.length > MAX_LISTED) lines.push(`…and ${incidents.length - MAX_LISTED} more`);
  return {
    text: `${plural(incidents.length, 'incident')}, ${open} open`,
    blocks: fitTextBudget(sectionBlocks('incidents', lines)),
  };
}

function incidentLine(incident: Incident, now: Date): string {
  const where =
    incident.channelId && /^[CG][A-Z0-9]+$/.test(incident.channelId)
      ? `<#${incident.channelId}>`
      : '(no channel yet)';
  const parts = [`${where} · ${incident.provider} ${clip(incident.label, 60)}`];
  if (incident.rehearsal) parts.push('🧪 rehearsal');
  parts.push(`opened by ${mention(incident.requestedBy)}`);
  if (incident.status === 'closed') {
    parts.push(`🔒 closed${incident.closedBy ? ` by ${mention(incident.closedBy)}` : ''}`);
  } else {
    parts.push(`open ${formatElapsed(incident.createdAt, now)}`);
  }
  return `• ${parts.join(' · ')}`;
}
