// The hidden field every console form carries: the page's CSRF token (console/console-session.ts).
import { escapeHtml } from './escape-html.js';

export function csrfInput(token: string): string {
  return `<input type="hidden" name="csrf" value="${escapeHtml(token)}">`;
}
