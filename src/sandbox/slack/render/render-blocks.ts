import { escapeHtml } from './escape-html.js';
import { renderElement, renderTextInput } from './render-elements.js';
import { renderFormInput } from './render-form-inputs.js';
import { htmlId, isObj, type Obj, rawText, renderTextObject, unknownPart } from './render-text.js';
import type { BlockContext } from './types.js';

function section(block: Obj, blockId: string, ctx: BlockContext): string {
  const text =
    block.text === undefined ? '' : `<div class="bk-text">${renderTextObject(block.text, ctx.names)}</div>`;
  const fields = Array.isArray(block.fields)
    ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${renderTextObject(f, ctx.names)}</div>`).join('')}</div>`
    : '';
  const accessory =
    block.accessory === undefined
      ? ''
      : `<div class="bk-accessory">${renderElement(block.accessory, blockId, ctx)}</div>`;
  return `<div class="bk-section"><div class="bk-section-body">${text}${fields}</div>${accessory}</div>`;
}

function context(block: Obj, blockId: string, ctx: BlockContext): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  const parts = elements.map((el) =>
    isObj(el) && (el.type === 'mrkdwn' || el.type === 'plain_text')
      ? `<span class="bk-context-item">${renderTextObject(el, ctx.names)}</span>`
      : renderElement(el, blockId, ctx),
  );
  return `<div class="bk-context">${parts.join('')}</div>`;
}

function actions(block: Obj, blockId: string, ctx: BlockContext): string {
  const elements = Array.isArray(block.elements) ? block.elements : [];
  return `<div class="bk-actions" role="group">${elements.map((el) => renderElement(el, blockId, ctx)).join('')}</div>`;
}

function input(block: Obj, blockId: string, ctx: BlockContext): string {
  const el = block.element;
  const id = htmlId(ctx.idPrefix, blockId, 'input');
  const hint = rawText(block.hint);
  const error = ctx.errors?.[blockId];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const control =
    isObj(el) && el.type === 'plain_text_input'
      ? renderTextInput(el, blockId, id, described)
      : ((isObj(el) ? renderFormInput(el, blockId, id, described) : null) ??
        unknownPart('element', isObj(el) ? el.type : typeof el));
  return [
    `<div class="bk-input${error ? ' bk-has-error' : ''}">`,
    `<label for="${id}">${escapeHtml(rawText(block.label))}${block.optional === true ? ' <span class="bk-optional">(optional)</span>' : ''}</label>`,
    control,
    hint ? `<p class="bk-hint" id="${id}-hint">${escapeHtml(hint)}</p>` : '',
    error ? `<p class="bk-error" id="${id}-error" role="alert">${escapeHtml(error)}</p>` : '',
    '</div>',
  ].join('');
}

/** One block as HTML; a kind the console does not know shows as a visible `bk-unknown` note. */
export function renderBlock(block: unknown, index: number, ctx: BlockContext): string {
  if (!isObj(block)) return unknownPart('block', typeof block);
  const blockId = typeof block.block_id === 'string' ? block.block_id : `block-${index}`;
  switch (block.type) {
    case 'header':
      return `<h3 class="bk-header">${renderTextObject(block.text, ctx.names)}</h3>`;
    case 'section':
      return section(block, blockId, ctx);
    case 'context':
      return context(block, blockId, ctx);
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return actions(block, blockId, ctx);
    case 'input':
      return input(block, blockId, ctx);
    case 'image':
      return `<figure class="bk-image-block" role="img" aria-label="${escapeHtml(String(block.alt_text ?? 'image'))}">🖼️ ${escapeHtml(String(block.alt_text ?? ''))}</figure>`;
    default:
      return unknownPart('block', block.type);
  }
}

/** Blocks as Slack draws them, top to bottom. */
export function renderBlocks(blocks: readonly unknown[], ctx: BlockContext): string {
  return `<div class="bk-blocks">${blocks.map((b, i) => renderBlock(b, i, ctx)).join('')}</div>`;
}
