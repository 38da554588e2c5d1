import type { PlanAction } from '../../domain/types.js';
import { clip, contextBlock, sectionBlock } from './mrkdwn.js';
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
 * budget per message). An empty plan needs no thread: [].
 */
export function buildPlanThread(actions: PlanAction[]): SlackMessage[] {
  const sorted = [...actions].sort((a, b) => a.position - b.position);
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
