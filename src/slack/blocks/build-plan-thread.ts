import { shortDigest } from '../../domain/plan-digest.js';
import type { PlanAction } from '../../domain/types.js';
import { fileName } from './build-plan-file.js';
import { clip, contextBlock, sectionBlock } from './mrkdwn.js';
import { countOf, FULL_PLAN_IN_THREAD_MAX, kindCounts } from './plan-counts.js';
import { LIMITS } from './slack-limits.js';
import type { SlackMessage } from './types.js';

const LINE_MAX = 1000;
/** Room kept in each message for its "part i of n" context line. */
const CONTEXT_ROOM = 120;

interface Part {
  sections: string[];
  first: number;
  last: number;
}

/**
 * The full plan for the step card's thread: every action on its own numbered line, packed into as
 * few messages as Slack's limits allow (sections ≤ 3000 characters, ≤ 50 blocks and the total-text
 * budget per message). A plan of more than `FULL_PLAN_IN_THREAD_MAX` changes would take dozens of
 * messages: its thread is one message of counts per kind pointing to the file `buildPlanFile`
 * makes. An empty plan needs no thread: [].
 */
export function buildPlanThread(actions: PlanAction[]): SlackMessage[] {
  const sorted = [...actions].sort((a, b) => a.position - b.position);
  if (sorted.length > FULL_PLAN_IN_THREAD_MAX) return [pointerToFile(sorted)];
  const parts = pack(sorted.map((a, i) => `${i + 1}. ${clip(a.description, LINE_MAX)}`));
  return parts.map((part, i) => {
    const range = part.first === part.last ? `change ${part.first}` : `changes ${part.first}–${part.last}`;
    const title = `Full plan, part ${i + 1} of ${parts.length}: ${range} of ${sorted.length}`;
    return {
      text: title,
      blocks: [
        contextBlock('plan-part', [`*${title}*`]),
        ...part.sections.map((text, j) => sectionBlock(`plan-${j + 1}`, text)),
      ],
    };
  });
}

function pointerToFile(sorted: PlanAction[]): SlackMessage {
  const digest = sorted[0]?.planDigest ?? '';
  const title = `Full plan: ${countOf(sorted.length, 'change')}, listed in the file ${fileName(digest)}`;
  return {
    text: title,
    blocks: [
      contextBlock('plan-part', [`*${clip(title, 200)}*`]),
      sectionBlock(
        'plan-1',
        `*${countOf(sorted.length, 'change')}:* ${clip(kindCounts(sorted), 2000)}\nToo many for this thread: every change is listed, numbered as on the card, in the file \`${fileName(digest)}\` posted to this channel. The approval is bound to the whole plan (digest \`${shortDigest(digest)}\`).`,
      ),
    ],
  };
}

/** Greedy, in order: a line goes into the current section, else a new section, else a new message. */
function pack(lines: string[]): Part[] {
  const parts: Part[] = [];
  const budget = LIMITS.blocksTextBudget - CONTEXT_ROOM;
  const maxSections = LIMITS.blocksPerMessage - 1;
  let part: Part | null = null;
  let used = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    const current = part?.sections.at(-1);
    if (
      part &&
      current !== undefined &&
      current.length + 1 + line.length <= LIMITS.sectionText &&
      used + 1 + line.length <= budget
    ) {
      part.sections[part.sections.length - 1] = `${current}\n${line}`;
      part.last = n;
      used += 1 + line.length;
      return;
    }
    if (part && part.sections.length < maxSections && used + line.length <= budget) {
      part.sections.push(line);
      part.last = n;
      used += line.length;
      return;
    }
    part = { sections: [line], first: n, last: n };
    parts.push(part);
    used = line.length;
  });
  return parts;
}
