import { escapeHtml } from './escape-html.js';
import { htmlId, isObj, type Obj, rawText, renderTextObject, unknownPart } from './render-text.js';
import type { BlockContext } from './types.js';

/** What a click names: the block and the action; the server looks the button up on the stored message. */
export function actionValue(blockId: string, actionId: string): string {
  return JSON.stringify([blockId, actionId]);
}

function styleClass(style: unknown): string {
  return style === 'primary' ? ' bk-primary' : style === 'danger' ? ' bk-danger' : '';
}

/**
 * A confirm dialog: the button opens it (Invoker Commands; the page script does the same in
 * browsers without them); its confirm button is the one that submits the click.
 */
function confirmDialog(id: string, confirm: Obj, submit: string, ctx: BlockContext): string {
  const title = escapeHtml(rawText(confirm.title) || 'Are you sure?');
  const confirmLabel = escapeHtml(rawText(confirm.confirm) || 'Yes');
  const denyLabel = escapeHtml(rawText(confirm.deny) || 'Cancel');
  return [
    `<dialog id="${id}" class="bk-confirm" aria-labelledby="${id}-title">`,
    `<h2 id="${id}-title">${title}</h2>`,
    `<div class="bk-confirm-text">${renderTextObject(confirm.text, ctx.names)}</div>`,
    '<div class="bk-confirm-buttons">',
    `<button type="button" class="bk-button" commandfor="${id}" command="close">${denyLabel}</button>`,
    `<button type="submit" class="bk-button${styleClass(confirm.style ?? 'primary')}" ${submit}>${confirmLabel}</button>`,
    '</div></dialog>',
  ].join('');
}

/** A button: a link when it has a URL, a submit of the message's form otherwise, with its confirm dialog. */
export function renderButton(el: Obj, blockId: string, ctx: BlockContext): string {
  const label = renderTextObject(el.text, ctx.names);
  const cls = `bk-button${styleClass(el.style)}`;
  if (typeof el.url === 'string' && /^https?:\/\//i.test(el.url)) {
    return `<a class="${cls}" href="${escapeHtml(el.url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
  }
  const actionId = typeof el.action_id === 'string' ? el.action_id : '';
  if (!ctx.interactive) return `<button type="button" class="${cls}" disabled>${label}</button>`;
  const submit = `name="action" value="${escapeHtml(actionValue(blockId, actionId))}"`;
  const buttonId = htmlId(ctx.idPrefix, blockId, actionId);
  if (!isObj(el.confirm))
    return `<button type="submit" id="${buttonId}" class="${cls}" ${submit}>${label}</button>`;
  const id = `${buttonId}-confirm`;
  return [
    `<button type="button" id="${buttonId}" class="${cls}" commandfor="${id}" command="show-modal" aria-haspopup="dialog">${label}</button>`,
    confirmDialog(id, el.confirm, submit, ctx),
  ].join('');
}

/** A plain_text_input of a modal: a labelled textarea or input with Slack's length limits. */
export function renderTextInput(el: Obj, blockId: string, id: string, describedBy: string): string {
  const actionId = typeof el.action_id === 'string' ? el.action_id : '';
  const name = escapeHtml(JSON.stringify([blockId, actionId]));
  const attrs = [`id="${id}"`, `name="${name}"`];
  if (describedBy) attrs.push(`aria-describedby="${describedBy}"`);
  if (typeof el.min_length === 'number') attrs.push(`minlength="${el.min_length}"`, 'required');
  if (typeof el.max_length === 'number') attrs.push(`maxlength="${el.max_length}"`);
  const placeholder = rawText(el.placeholder);
  if (placeholder) attrs.push(`placeholder="${escapeHtml(placeholder)}"`);
  const initial = typeof el.initial_value === 'string' ? escapeHtml(el.initial_value) : '';
  return el.multiline === true
    ? `<textarea rows="4" ${attrs.join(' ')}>${initial}</textarea>`
    : `<input type="text" ${attrs.join(' ')} value="${initial}">`;
}

/** An element of an actions block or a section's accessory. */
export function renderElement(el: unknown, blockId: string, ctx: BlockContext): string {
  if (!isObj(el)) return unknownPart('element', typeof el);
  if (el.type === 'button') return renderButton(el, blockId, ctx);
  if (el.type === 'image') {
    return `<span class="bk-image" role="img" aria-label="${escapeHtml(String(el.alt_text ?? 'image'))}">🖼️</span>`;
  }
  return unknownPart('element', el.type);
}
