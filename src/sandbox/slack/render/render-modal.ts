import type { OpenedView } from '../model/types.js';
import { csrfInput } from './csrf-input.js';
import { escapeHtml } from './escape-html.js';
import { renderBlocks } from './render-blocks.js';
import { htmlId, rawText } from './render-text.js';
import type { RenderNames } from './types.js';

/**
 * An open modal as a dialog: its title, its blocks (inputs labelled, with hints and the errors of
 * the last submission), Cancel and its submit button. Rendered open; the page script makes it modal.
 */
export function renderModal(opened: OpenedView, names: RenderNames, csrf = ''): string {
  const { view } = opened;
  const id = htmlId('view', opened.id);
  const path = `/console/views/${encodeURIComponent(opened.id)}`;
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  const submit = rawText(view.submit);
  const close = rawText(view.close) || 'Cancel';
  return [
    `<dialog class="modal" id="${id}" aria-labelledby="${id}-title" open data-modal>`,
    `<form method="post" action="${path}/submit" data-js>`,
    csrfInput(csrf),
    `<h2 id="${id}-title">${escapeHtml(rawText(view.title) || 'Modal')}</h2>`,
    renderBlocks(blocks, { names, idPrefix: id, interactive: false, errors: opened.errors ?? {} }),
    '<div class="modal-buttons">',
    `<button type="submit" class="bk-button" formaction="${path}/close" formnovalidate>${escapeHtml(close)}</button>`,
    submit ? `<button type="submit" class="bk-button bk-primary">${escapeHtml(submit)}</button>` : '',
    '</div></form></dialog>',
  ].join('');
}
