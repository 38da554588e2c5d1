/**
 * An independent checker of Slack's Block Kit limits (reference/slack.md §6) for the builders'
 * tests. It lists every violation it finds; `assertWithinSlackLimits` throws with the list.
 */

type Obj = Record<string, unknown>;

export interface LimitOptions {
  /** Allow `<https://…|label>` links in mrkdwn (playbook instructions may carry them). */
  allowLinks?: boolean;
}

const TEXT_BUDGET = 10_000;
const SAFE_ANGLE = [/^<@[UW][A-Z0-9]+>$/, /^<#[CG][A-Z0-9]+>$/, /^<!date\^\d+\^[^|>]+\|[^>]*>$/];
const LINK = /^<https?:\/\/[^|>\s]+\|[^>]+>$/;

export function slackLimitViolations(message: unknown, options: LimitOptions = {}): string[] {
  const out: string[] = [];
  const m = message as Obj;
  const blocks = (m.blocks ?? []) as Obj[];
  if (m.type === 'modal') {
    checkModal(m, blocks, out);
  } else {
    if (typeof m.text !== 'string' || m.text.trim() === '') out.push('top-level text is missing');
    else {
      if (m.text.length > 4000) out.push(`top-level text is ${m.text.length} > 4000`);
      checkMrkdwn('top-level text', m.text, options, out);
    }
    if (blocks.length > 50) out.push(`${blocks.length} blocks > 50`);
  }
  if (!Array.isArray(m.blocks) || blocks.length === 0) out.push('no blocks');
  const ids = new Set<string>();
  blocks.forEach((block, i) => {
    const where = `block ${i} (${String(block.type)}${block.block_id ? ` ${String(block.block_id)}` : ''})`;
    if (typeof block.block_id === 'string') {
      if (ids.has(block.block_id)) out.push(`${where}: duplicate block_id`);
      if (block.block_id.length > 255) out.push(`${where}: block_id too long`);
      ids.add(block.block_id);
    }
    checkBlock(where, block, options, out);
  });
  const total = textLength(blocks);
  if (total > TEXT_BUDGET) out.push(`blocks carry ${total} characters of text > ${TEXT_BUDGET}`);
  return out;
}

export function assertWithinSlackLimits(message: unknown, options: LimitOptions = {}): void {
  const violations = slackLimitViolations(message, options);
  if (violations.length > 0) throw new Error(`Slack limits violated:\n  ${violations.join('\n  ')}`);
}

function checkModal(m: Obj, blocks: Obj[], out: string[]): void {
  if (blocks.length > 100) out.push(`${blocks.length} blocks > 100 in a modal`);
  for (const key of ['title', 'submit', 'close']) {
    const t = m[key] as Obj | undefined;
    if (key === 'title' && !t) out.push('modal has no title');
    if (t) checkText(`modal ${key}`, t, 24, out, 'plain_text');
  }
  if (blocks.some((b) => b.type === 'input') && !m.submit) out.push('modal with an input has no submit');
  if (typeof m.private_metadata === 'string' && m.private_metadata.length > 3000)
    out.push('private_metadata > 3000');
  if (typeof m.callback_id === 'string' && m.callback_id.length > 255) out.push('callback_id > 255');
}

function checkBlock(where: string, block: Obj, options: LimitOptions, out: string[]): void {
  switch (block.type) {
    case 'header':
      checkText(`${where} text`, block.text as Obj, 150, out, 'plain_text');
      return;
    case 'section': {
      const fields = (block.fields ?? []) as Obj[];
      if (!block.text && fields.length === 0) out.push(`${where}: neither text nor fields`);
      if (block.text) checkText(`${where} text`, block.text as Obj, 3000, out, undefined, options);
      if (fields.length > 10) out.push(`${where}: ${fields.length} fields > 10`);
      for (const f of fields) checkText(`${where} field`, f, 2000, out, undefined, options);
      return;
    }
    case 'context': {
      const elements = (block.elements ?? []) as Obj[];
      if (elements.length === 0 || elements.length > 10)
        out.push(`${where}: ${elements.length} elements (1–10)`);
      for (const e of elements) checkText(`${where} element`, e, 3000, out, undefined, options);
      return;
    }
    case 'actions': {
      const elements = (block.elements ?? []) as Obj[];
      if (elements.length === 0 || elements.length > 25)
        out.push(`${where}: ${elements.length} elements (1–25)`);
      const actionIds = elements.map((e) => e.action_id);
      if (new Set(actionIds).size !== actionIds.length)
        out.push(`${where}: action_id repeated within the block`);
      if (elements.filter((e) => e.style === 'primary').length > 1)
        out.push(`${where}: more than one primary button`);
      for (const e of elements) checkButton(`${where} button ${String(e.action_id)}`, e, out);
      return;
    }
    case 'input': {
      checkText(`${where} label`, block.label as Obj, 2000, out, 'plain_text');
      if (block.hint) checkText(`${where} hint`, block.hint as Obj, 2000, out, 'plain_text');
      const el = block.element as Obj;
      if (el.type !== 'plain_text_input') out.push(`${where}: unexpected element ${String(el.type)}`);
      const max = el.max_length as number | undefined;
      const min = el.min_length as number | undefined;
      if (max !== undefined && (max < 1 || max > 3000)) out.push(`${where}: max_length ${max}`);
      if (min !== undefined && (min < 0 || min > 3000 || (max !== undefined && min > max)))
        out.push(`${where}: min_length ${min}`);
      if (el.placeholder) checkText(`${where} placeholder`, el.placeholder as Obj, 150, out, 'plain_text');
      return;
    }
    case 'divider':
      return;
    default:
      out.push(`${where}: unexpected block type`);
  }
}

function checkButton(where: string, e: Obj, out: string[]): void {
  if (e.type !== 'button') out.push(`${where}: not a button`);
  checkText(`${where} text`, e.text as Obj, 75, out, 'plain_text');
  if (typeof e.action_id !== 'string' || e.action_id.length === 0 || e.action_id.length > 255)
    out.push(`${where}: bad action_id`);
  if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > 2000))
    out.push(`${where}: value > 2000`);
  if (e.url !== undefined && (typeof e.url !== 'string' || e.url.length > 3000))
    out.push(`${where}: url > 3000`);
  if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') out.push(`${where}: bad style`);
  const c = e.confirm as Obj | undefined;
  if (!c) return;
  if (!c.title || !c.confirm || !c.deny) out.push(`${where}: confirm needs title, confirm and deny`);
  if (c.title) checkText(`${where} confirm title`, c.title as Obj, 100, out, 'plain_text');
  checkText(`${where} confirm text`, c.text as Obj, 300, out);
  if (c.confirm) checkText(`${where} confirm button`, c.confirm as Obj, 30, out, 'plain_text');
  if (c.deny) checkText(`${where} deny button`, c.deny as Obj, 30, out, 'plain_text');
}

function checkText(
  where: string,
  t: Obj | undefined,
  max: number,
  out: string[],
  type?: string,
  options: LimitOptions = {},
): void {
  if (!t || typeof t.text !== 'string') {
    out.push(`${where}: missing text object`);
    return;
  }
  if (t.type !== 'plain_text' && t.type !== 'mrkdwn') out.push(`${where}: bad text type ${String(t.type)}`);
  if (type && t.type !== type) out.push(`${where}: must be ${type}`);
  if (t.text.length === 0) out.push(`${where}: empty text`);
  if (t.text.length > max) out.push(`${where}: ${t.text.length} characters > ${max}`);
  if (t.type === 'mrkdwn') checkMrkdwn(where, t.text, options, out);
}

/** Every `<…>` in mrkdwn must be a user or channel mention or a date, never a broadcast or a link. */
function checkMrkdwn(where: string, text: string, options: LimitOptions, out: string[]): void {
  for (const m of text.matchAll(/<[^<>]*>/g)) {
    const token = m[0];
    if (SAFE_ANGLE.some((re) => re.test(token))) continue;
    if (options.allowLinks && LINK.test(token)) continue;
    out.push(`${where}: unescaped ${token.slice(0, 60)}`);
  }
}

function textLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + textLength(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value))
    n += k === 'text' && typeof v === 'string' ? v.length : textLength(v);
  return n;
}
