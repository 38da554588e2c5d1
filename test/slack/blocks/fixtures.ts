import type { Approval, Incident, PlanAction, Step } from '../../../src/domain/types.js';
import type { StepCardView } from '../../../src/incidents/views/view-types.js';

export const NOW = new Date('2026-03-15T13:12:00Z');
export const OPENED = new Date('2026-03-15T12:00:00Z');
export const DIGEST = 'a'.repeat(64);
/** Text that would ping everyone or smuggle a link if it reached Slack unescaped. */
export const EVIL = '<!channel> <https://evil.example|click> <@U999> &';

export function makeIncident(over: Partial<Incident> = {}): Incident {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    provider: 'telnyx',
    label: 'sip-fraud',
    rehearsal: false,
    status: 'open',
    requestedBy: 'UREQ',
    since: null,
    channelId: 'C0INCIDENT',
    progressTs: '1710000000.000100',
    createdAt: OPENED,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    ...over,
  };
}

export function makeStep(over: Partial<Step> = {}): Step {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    incidentId: '11111111-1111-4111-8111-111111111111',
    position: 0,
    stepKey: 'telnyx.disable-forwarding',
    kind: 'automated',
    risk: 'high',
    state: 'awaiting_approval',
    failedPhase: null,
    planDigest: DIGEST,
    findings: [
      {
        resource: '+15550100',
        summary: '+1 555 0100 forwards to +882 16 5555',
        suspicious: true,
        reasons: ['premium prefix +882'],
      },
      { resource: '+15550101', summary: '+1 555 0101 has no forwarding', suspicious: false, reasons: [] },
      { resource: '+15550102', summary: '+1 555 0102 has no forwarding', suspicious: false, reasons: [] },
    ],
    error: null,
    decidedBy: null,
    reason: null,
    messageTs: '1710000000.000200',
    version: 1,
    createdAt: OPENED,
    updatedAt: OPENED,
    ...over,
  };
}

export function makeAction(i: number, over: Partial<PlanAction> = {}): PlanAction {
  return {
    id: i + 1,
    stepId: '22222222-2222-4222-8222-222222222222',
    planDigest: DIGEST,
    position: i,
    state: 'pending',
    attempts: 0,
    result: null,
    error: null,
    kind: 'disable_forwarding',
    target: `+1555010${i}`,
    params: {},
    description: `Disable forwarding on +1 555 01${String(i).padStart(2, '0')} (forwards to +882…)`,
    ...over,
  };
}

export function makeActions(n: number, over: Partial<PlanAction> = {}): PlanAction[] {
  return Array.from({ length: n }, (_, i) => makeAction(i, over));
}

export function approval(userId: string, over: Partial<Approval> = {}): Approval {
  return {
    stepId: '22222222-2222-4222-8222-222222222222',
    userId,
    planDigest: DIGEST,
    decision: 'approve',
    reason: null,
    createdAt: NOW,
    ...over,
  };
}

export function makeView(over: Partial<StepCardView> = {}, step: Partial<Step> = {}): StepCardView {
  return {
    incident: makeIncident(),
    step: makeStep(step),
    definition: {
      title: 'Disable suspicious call forwarding',
      why: 'Attackers forward calls to premium numbers they are paid for.',
      risk: step.risk ?? 'high',
      kind: step.kind ?? 'automated',
    },
    summary: '1 of 3 numbers forwards to a number that is not yours.',
    actions: makeActions(3),
    approvals: [],
    needed: 2,
    policyNote: null,
    secrets: [],
    now: NOW,
    ...over,
  };
}

/** Every button in a message, with the block it sits in. */
export function buttonsOf(message: { blocks: unknown[] }): {
  action_id: string;
  value?: string;
  text: { text: string };
  style?: string;
  confirm?: Record<string, { text: string }>;
  url?: string;
}[] {
  return message.blocks.flatMap((b) => {
    const block = b as { type: string; elements?: unknown[] };
    return block.type === 'actions' ? (block.elements as ReturnType<typeof buttonsOf>) : [];
  });
}

/** All the text a message shows, joined, for "does it say X" checks. */
export function textOf(message: { text: string; blocks: unknown[] }): string {
  return `${message.text}\n${JSON.stringify(message.blocks)}`;
}

/**
 * The text Slack parses for mentions and links: the top-level text and every mrkdwn object.
 * (plain_text is shown literally, so `<!channel>` there pings nobody.)
 */
export function mrkdwnOf(message: { text: string; blocks: unknown[] }): string {
  const found: string[] = [message.text];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') found.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return found.join('\n');
}
