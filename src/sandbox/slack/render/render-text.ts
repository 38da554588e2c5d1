import { escapeHtml } from './escape-html.js';
import { renderMrkdwn, renderPlainText } from './render-mrkdwn.js';
import type { RenderNames } from './types.js';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A text object (`plain_text` or `mrkdwn`) as HTML; anything else as an empty string. */
export function renderTextObject(value: unknown, names: RenderNames): string {
  if (!isObj(value) || typeof value.text !== 'string') return '';
  if (value.type === 'mrkdwn') return renderMrkdwn(value.text, names);
  return renderPlainText(value.text, value.emoji !== false);
}

/** The raw text of a text object (for labels and attributes, escaped by the caller). */
export function rawText(value: unknown): string {
  return isObj(value) && typeof value.text === 'string' ? value.text : '';
}

/** An HTML id made of safe characters only, from a prefix and any further parts. */
export function htmlId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, '_')).join('-');
}

/** The marker shown for a block or element the console cannot draw; tests look for `bk-unknown`. */
export function unknownPart(kind: 'block' | 'element', type: unknown): string {
  return `<div class="bk-unknown" role="note">Unsupported ${kind}: ${escapeHtml(String(type))}</div>`;
}
