import { renderBlocks } from '../../../../src/sandbox/slack/render/render-blocks.js';
import type { RenderNames } from '../../../../src/sandbox/slack/render/types.js';

export const NAMES: RenderNames = {
  user: (id) => ({ UREQ: 'Riley', UBOB: 'Bob', UCAROL: 'Carol' })[id] ?? id,
  channel: (id) => (id === 'C0INCIDENT' ? 'compromise-20260315-acme' : undefined),
};

/** A message's blocks as the console draws them, clickable. */
export function html(message: { blocks: readonly unknown[] }, interactive = true): string {
  return renderBlocks(message.blocks, { names: NAMES, idPrefix: 'm-1', interactive });
}

/** What the page shows as text once tags are gone (entities left as they are). */
export function visibleText(markup: string): string {
  return markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** The block kinds a message uses, to check each of them is drawn. */
export function blockTypes(message: { blocks: readonly unknown[] }): string[] {
  return [...new Set(message.blocks.map((b) => (b as { type: string }).type))];
}

/** Markup that must never come out of text the bot got from users or providers. */
export const UNSAFE = [/<!channel>/, /<a [^>]*href="https:\/\/evil/, /<script/i, /<@U999>/, /onerror=/i];
