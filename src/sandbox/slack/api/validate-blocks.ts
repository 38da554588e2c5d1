/**
 * Slack's Block Kit limits, checked the way Slack refuses a message (`invalid_blocks`): each problem
 * is a sentence with a pointer such as `blocks[3].elements[0].text`. Not a full schema, but every
 * limit a bot is likely to trip over: counts, text lengths, ids, button values, confirm dialogs.
 */
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (s: string) => [...s].length;

function checkText(problems: string[], at: string, value: unknown, max: number, plainOnly = false): void {
  if (!isObj(value) || typeof value.text !== 'string') {
    problems.push(`${at} must be a text object`);
    return;
  }
  if (value.type !== 'plain_text' && (plainOnly || value.type !== 'mrkdwn')) {
    problems.push(`${at} must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
  }
  if (len(value.text) < 1) problems.push(`${at} must not be empty`);
  if (len(value.text) > max) problems.push(`${at} must be at most ${max} characters`);
}

function checkMax(problems: string[], at: string, value: unknown, max: number): void {
  if (value !== undefined && (typeof value !== 'string' || len(value) > max)) {
    problems.push(`${at} must be a string of at most ${max} characters`);
  }
}

/** A block_id or action_id: at most 255 characters and not used twice where it must be unique. */
function checkId(problems: string[], at: string, id: unknown, seen: Set<string>): void {
  checkMax(problems, at, id, 255);
  if (typeof id !== 'string') return;
  if (seen.has(id)) problems.push(`${at} ${id} is not unique`);
  seen.add(id);
}

function checkConfirm(problems: string[], at: string, confirm: unknown): void {
  if (confirm === undefined) return;
  if (!isObj(confirm)) {
    problems.push(`${at} must be an object`);
    return;
  }
  checkText(problems, `${at}.title`, confirm.title, 100, true);
  checkText(problems, `${at}.text`, confirm.text, 300);
  checkText(problems, `${at}.confirm`, confirm.confirm, 30, true);
  checkText(problems, `${at}.deny`, confirm.deny, 30, true);
}

function checkElement(problems: string[], at: string, el: unknown, actionIds: Set<string>): void {
  if (!isObj(el) || typeof el.type !== 'string') {
    problems.push(`${at} must be an element with a type`);
    return;
  }
  checkId(problems, `${at}.action_id`, el.action_id, actionIds);
  if (el.type !== 'button') return;
  checkText(problems, `${at}.text`, el.text, 75, true);
  checkMax(problems, `${at}.value`, el.value, 2000);
  checkMax(problems, `${at}.url`, el.url, 3000);
  if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') {
    problems.push(`${at}.style must be primary or danger`);
  }
  checkConfirm(problems, `${at}.confirm`, el.confirm);
}

function checkBlock(problems: string[], at: string, block: Obj, actionIds: Set<string>): void {
  switch (block.type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) problems.push(`${at} needs text or fields`);
      if (block.text !== undefined) checkText(problems, `${at}.text`, block.text, 3000);
      if (block.fields !== undefined) {
        const fields = Array.isArray(block.fields) ? block.fields : [];
        if (fields.length > 10) problems.push(`${at}.fields must have at most 10 items`);
        for (const [i, f] of fields.entries()) checkText(problems, `${at}.fields[${i}]`, f, 2000);
      }
      if (block.accessory !== undefined)
        checkElement(problems, `${at}.accessory`, block.accessory, actionIds);
      return;
    case 'header':
      checkText(problems, `${at}.text`, block.text, 150, true);
      return;
    case 'context':
    case 'actions': {
      const max = block.type === 'context' ? 10 : 25;
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length < 1 || elements.length > max)
        problems.push(`${at}.elements must have 1 to ${max} items`);
      if (block.type === 'actions') {
        for (const [i, el] of elements.entries())
          checkElement(problems, `${at}.elements[${i}]`, el, actionIds);
      }
      return;
    }
    case 'input':
      checkText(problems, `${at}.label`, block.label, 2000, true);
      checkElement(problems, `${at}.element`, block.element, actionIds);
      return;
    default:
      return;
  }
}

/** Problems with `blocks` (action_ids must be unique within their block) for a message (at most 50 blocks) or a modal (at most 100). */
export function validateBlocks(blocks: unknown[], surface: 'message' | 'modal' = 'message'): string[] {
  const problems: string[] = [];
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) problems.push(`blocks must have at most ${max} items`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    if (!isObj(block) || typeof block.type !== 'string') {
      problems.push(`${at} must be a block with a type`);
      return;
    }
    checkId(problems, `${at}.block_id`, block.block_id, blockIds);
    checkBlock(problems, at, block, new Set<string>());
  });
  return problems;
}
