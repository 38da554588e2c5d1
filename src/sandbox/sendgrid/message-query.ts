import type { SimMessage } from './account.js';

/** One condition of an Email Activity query. */
export type Condition =
  | { kind: 'between'; from: number; to: number }
  | { kind: 'compare'; op: '>=' | '<=' | '>' | '<'; at: number }
  | { kind: 'equals'; field: EqualsField; value: string };

const EQUALS_FIELDS = ['msg_id', 'from_email', 'subject', 'to_email', 'status'] as const;
type EqualsField = (typeof EQUALS_FIELDS)[number];

const BETWEEN =
  /^\s*last_event_time\s+BETWEEN\s+TIMESTAMP\s+(["'])([^"']+)\1\s+AND\s+TIMESTAMP\s+(["'])([^"']+)\3/i;
const COMPARE = /^\s*last_event_time\s*(>=|<=|>|<)\s*TIMESTAMP\s+(["'])([^"']+)\2/i;
const EQUALS = /^\s*([a-z_]+)\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const AND = /^\s*AND\b/i;

/**
 * The part of SendGrid's Email Activity query language the simulator understands: conditions
 * joined by `AND`, each `last_event_time BETWEEN TIMESTAMP "…" AND TIMESTAMP "…"`,
 * `last_event_time >= TIMESTAMP "…"` (or `>`, `<=`, `<`), or `field="value"` for msg_id,
 * from_email, subject, to_email and status. Anything else is an error message, as SendGrid's 400
 * gives one (`invalid syntax: 'bad_field' is not a known field`).
 */
export function parseMessageQuery(text: string): Condition[] | string {
  const conditions: Condition[] = [];
  let rest = text;
  for (;;) {
    const parsed = parseOne(rest);
    if (typeof parsed === 'string') return parsed;
    conditions.push(parsed.condition);
    rest = parsed.rest;
    if (rest.trim() === '') return conditions;
    const and = AND.exec(rest);
    if (!and) return `invalid syntax: unexpected "${rest.trim().slice(0, 20)}"`;
    rest = rest.slice(and[0].length);
  }
}

function parseOne(text: string): { condition: Condition; rest: string } | string {
  const between = BETWEEN.exec(text);
  if (between) {
    const from = Date.parse(between[2] ?? '');
    const to = Date.parse(between[4] ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return 'invalid syntax: bad TIMESTAMP';
    return { condition: { kind: 'between', from, to }, rest: text.slice(between[0].length) };
  }
  const compare = COMPARE.exec(text);
  if (compare) {
    const at = Date.parse(compare[3] ?? '');
    if (Number.isNaN(at)) return 'invalid syntax: bad TIMESTAMP';
    const op = compare[1] as '>=' | '<=' | '>' | '<';
    return { condition: { kind: 'compare', op, at }, rest: text.slice(compare[0].length) };
  }
  const equals = EQUALS.exec(text);
  if (equals) {
    const field = (equals[1] ?? '').toLowerCase();
    if (!(EQUALS_FIELDS as readonly string[]).includes(field)) {
      return `invalid syntax: '${field}' is not a known field`;
    }
    const value = (equals[2] ?? '').replace(/\\(.)/g, '$1');
    return {
      condition: { kind: 'equals', field: field as EqualsField, value },
      rest: text.slice(equals[0].length),
    };
  }
  return `invalid syntax: cannot read "${text.trim().slice(0, 20)}"`;
}

/** Whether a message meets every condition. */
export function matchesQuery(message: SimMessage, conditions: readonly Condition[]): boolean {
  const at = Date.parse(message.last_event_time);
  return conditions.every((c) => meets(message, at, c));
}

function meets(message: SimMessage, at: number, c: Condition): boolean {
  if (c.kind === 'between') return at >= c.from && at <= c.to;
  if (c.kind === 'equals') return message[c.field] === c.value;
  if (c.op === '>=') return at >= c.at;
  if (c.op === '>') return at > c.at;
  if (c.op === '<=') return at <= c.at;
  return at < c.at;
}
