import { NOT_CONFIRMED } from '../../incidents/confirm-manual-step.js';
import type { StepCardView } from '../../incidents/views/view-types.js';
import {
  clip,
  contextBlock,
  escapeMrkdwn,
  mention,
  mentionList,
  sectionBlock,
  sectionBlocks,
} from './mrkdwn.js';
import {
  approvalsLine,
  approverIds,
  findingLines,
  planLines,
  progressLines,
  secretLines,
} from './step-card-lines.js';
import type { Block } from './types.js';

const INSTRUCTIONS_MAX = 6000;

/** The middle of a step card: what the step found, plans, did or was decided, by state. */
export function stepCardBody(view: StepCardView): Block[] {
  const blocks = view.step.kind === 'manual' ? manualBody(view) : automatedBody(view);
  const secrets = secretLines(view.secrets);
  if (secrets.length > 0) blocks.push(...sectionBlocks('secrets', secrets));
  return blocks;
}

function automatedBody(view: StepCardView): Block[] {
  const { step } = view;
  switch (step.state) {
    case 'pending':
    case 'discovering':
      return [
        sectionBlock('status', '🔍 *Discovering…* (read-only: nothing changes until a plan is approved)'),
      ];
    case 'awaiting_approval':
      return awaitingBody(view);
    case 'approved':
    case 'executing': {
      const headline =
        step.state === 'approved'
          ? '👍 *Approved* — the changes start shortly.'
          : '⚙️ *Executing* the approved plan…';
      return [
        sectionBlock('status', headline),
        approvedBy(view),
        ...sectionBlocks('progress', progressLines(view.actions)),
      ];
    }
    case 'done':
      return doneBody(view);
    case 'failed':
      return failedBody(view);
    case 'skipped':
    case 'rejected':
      return [decision(view)];
  }
}

/** Findings discovery marked suspicious: a step with some but no actions must not say "nothing found". */
function flaggedCount(view: StepCardView): number {
  return (view.step.findings ?? []).filter((f) => f.suspicious).length;
}

function awaitingBody(view: StepCardView): Block[] {
  const blocks: Block[] = [];
  if (view.summary) blocks.push(sectionBlock('summary', clip(view.summary, 500)));
  const findings = findingLines(view.step.findings);
  if (findings.length > 0) blocks.push(...sectionBlocks('findings', findings));
  if (view.actions.length === 0) {
    const flagged = flaggedCount(view);
    blocks.push(
      sectionBlock(
        'plan-1',
        flagged > 0
          ? `⚠️ *${flagged === 1 ? '1 finding needs' : `${flagged} findings need`} your review.* Reclaim changes nothing here: deal with ${flagged === 1 ? 'it' : 'them'} in the ${escapeMrkdwn(view.incident.provider)} portal, then Mark done (or rediscover to look again).`
          : '✅ *Nothing found.* Discovery found nothing to change. Mark the step done, or rediscover to look again.',
      ),
    );
    return blocks;
  }
  if (view.realAccountWarning) {
    const provider = escapeMrkdwn(view.incident.provider);
    blocks.push(
      sectionBlock(
        'warning',
        `⚠️ *This is your real ${provider} account:* approving makes these changes for real.`,
      ),
    );
  }
  blocks.push(...sectionBlocks('plan', planLines(view.actions)));
  blocks.push(sectionBlock('approvals', approvalsLine(view.approvals, view.needed, view.step.planDigest)));
  if (view.policyNote) blocks.push(contextBlock('policy', [`ℹ️ ${clip(view.policyNote, 500)}`]));
  return blocks;
}

function doneBody(view: StepCardView): Block[] {
  const { step, actions } = view;
  if (actions.length === 0) {
    const who = step.decidedBy ? `; confirmed by ${mention(step.decidedBy)}` : '';
    const flagged = flaggedCount(view);
    return [
      sectionBlock(
        'status',
        flagged > 0
          ? `✅ *Done* — ${flagged === 1 ? '1 finding' : `${flagged} findings`} reviewed by hand, no automated changes${who}.`
          : `✅ *Done* — nothing needed changing${who}.`,
      ),
    ];
  }
  const made = actions.filter((a) => a.state === 'done').length;
  return [
    sectionBlock('status', `✅ *Done* — ${made} of ${actions.length} changes made.`),
    approvedBy(view),
    ...sectionBlocks('progress', progressLines(actions)),
  ];
}

function failedBody(view: StepCardView): Block[] {
  const { step } = view;
  const phase = step.failedPhase === 'discover' ? 'discovering' : 'executing';
  const message = clip(step.error?.message ?? 'no error message was recorded', 1000);
  const code = step.error?.code ? ` (\`${clip(step.error.code.replace(/`/g, ''), 60)}\`)` : '';
  const blocks = [sectionBlock('status', `❌ *Failed while ${phase}:* ${message}${code}`)];
  if (step.failedPhase === 'execute') {
    blocks.push(approvedBy(view), ...sectionBlocks('progress', progressLines(view.actions)));
    blocks.push(
      contextBlock('retry-note', ['Retry runs only the changes not made yet; done ones are never repeated.']),
    );
  } else {
    blocks.push(contextBlock('retry-note', ['Retry runs discovery again (read-only).']));
  }
  return blocks;
}

function manualBody(view: StepCardView): Block[] {
  const { step, definition } = view;
  if (step.state === 'done') {
    const who = step.decidedBy ? ` by ${mention(step.decidedBy)}` : '';
    return [sectionBlock('status', `✅ *Marked done*${who}.`)];
  }
  if (step.state === 'skipped' || step.state === 'rejected') return [decision(view)];
  // Instructions are the playbook's own mrkdwn, so they are not escaped.
  const text = (definition.instructions ?? '').slice(0, INSTRUCTIONS_MAX);
  const lines = text ? ['*What to do:*', ...text.split('\n')] : ['*What to do:* see the step title.'];
  return [
    ...sectionBlocks('instructions', lines),
    ...manualCheckBlocks(view),
    contextBlock('manual-note', ['Mark done when it is finished.']),
  ];
}

/** The key Reclaim uses now, and what the last check of Mark done said (not yet, or the provider's error). */
function manualCheckBlocks(view: StepCardView): Block[] {
  const blocks: Block[] = [];
  const key = view.connectionKey;
  if (key) {
    blocks.push(
      sectionBlock(
        'connection-key',
        `🔐 Reclaim uses the key ending *…${escapeMrkdwn(key.hint)}* (connection \`${escapeMrkdwn(key.label)}\`).`,
      ),
    );
  }
  const error = view.step.error;
  if (error) {
    const text =
      error.code === NOT_CONFIRMED
        ? `⏳ *Not done yet:* ${clip(error.message, 900)}`
        : `⚠️ *Not checked:* ${clip(error.message, 900)} Retry checks again; nothing was marked done.`;
    blocks.push(sectionBlock('check', text));
  }
  return blocks;
}

function decision(view: StepCardView): Block {
  const { step, approvals } = view;
  const rejection = approvals.find((a) => a.decision === 'reject');
  const who = step.decidedBy ?? (step.state === 'rejected' ? rejection?.userId : undefined);
  const reason = step.reason ?? (step.state === 'rejected' ? rejection?.reason : null) ?? null;
  const verb = step.state === 'rejected' ? '🚫 *Rejected*' : '⏭️ *Skipped*';
  const by = who ? ` by ${mention(who)}` : '';
  const why = reason ? `: ${clip(reason, 500)}` : '.';
  const next = step.state === 'rejected' ? '\nRediscover to draw a new plan, or skip the step.' : '';
  return sectionBlock('decision', `${verb}${by}${why}${next}`);
}

function approvedBy(view: StepCardView): Block {
  const ids = approverIds(view.approvals, view.step.planDigest);
  return sectionBlock('approvals', ids.length > 0 ? `*Approved by* ${mentionList(ids)}` : '*Approved.*');
}
