/** A modal's static_select, datepicker and checkboxes as HTML form controls, named like text inputs. */
import { escapeHtml } from './escape-html.js';
import { rawText } from './render-text.js';

type Obj = Record<string, unknown>;
const optionsOf = (el: Obj): Obj[] =>
  (Array.isArray(el.options) ? el.options : []).filter((o): o is Obj => typeof o === 'object' && o !== null);
const nameOf = (blockId: string, el: Obj) =>
  escapeHtml(JSON.stringify([blockId, typeof el.action_id === 'string' ? el.action_id : '']));
const described = (by: string) => (by ? ` aria-describedby="${by}"` : '');

/** Renders the control for one input element, or null when it is not one of these. */
export function renderFormInput(el: Obj, blockId: string, id: string, describedBy: string): string | null {
  const name = nameOf(blockId, el);
  if (el.type === 'static_select') {
    const initial = (el.initial_option as Obj | undefined)?.value;
    const options = optionsOf(el).map((o) => {
      const selected = o.value === initial ? ' selected' : '';
      return `<option value="${escapeHtml(String(o.value ?? ''))}"${selected}>${escapeHtml(rawText(o.text))}</option>`;
    });
    return `<select id="${id}" name="${name}"${described(describedBy)}>${options.join('')}</select>`;
  }
  if (el.type === 'datepicker') {
    const initial = typeof el.initial_date === 'string' ? ` value="${escapeHtml(el.initial_date)}"` : '';
    return `<input type="date" id="${id}" name="${name}"${initial}${described(describedBy)}>`;
  }
  if (el.type === 'checkboxes') {
    const boxes = optionsOf(el).map((o, i) => {
      const value = escapeHtml(String(o.value ?? ''));
      return `<label class="bk-checkbox"><input type="checkbox" id="${id}-${i}" name="${name}" value="${value}"> ${escapeHtml(rawText(o.text))}</label>`;
    });
    return `<fieldset id="${id}"${described(describedBy)}>${boxes.join('')}</fieldset>`;
  }
  return null;
}

/** What Slack's `view.state.values` holds for one of these elements, from the submitted form. */
export function formInputState(el: Obj, values: string[]): Record<string, unknown> | null {
  const type = String(el.type);
  if (type === 'static_select') {
    const chosen = optionsOf(el).find((o) => o.value === values[0]);
    return { type, selected_option: chosen ? { text: chosen.text, value: chosen.value } : null };
  }
  if (type === 'datepicker') return { type, selected_date: values[0] || null };
  if (type === 'checkboxes') {
    return { type, selected_options: optionsOf(el).filter((o) => values.includes(String(o.value))) };
  }
  return null;
}
