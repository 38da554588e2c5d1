import { controlCharacterIn } from '../../domain/text-rules.js';

/** One word of a slash command; quoted words ("…" or “…”) keep their spaces and lose their quotes. */
export interface Token {
  /** The word without its quote marks. */
  text: string;
  /** The word as typed, quotes included. */
  raw: string;
  /** Offset of the word in the decoded command text. */
  start: number;
  /** The word is exactly one quoted segment: `"like this"`. */
  wholeQuoted: boolean;
  startsQuoted: boolean;
}

/** An option word: `--since 2026-01-31`, `--since=2026-01-31`, `--rehearsal`, or a misspelt `-x`. */
export interface Flag {
  name: string;
  raw: string;
  /** `--x` (or an autocorrected `—x`); false for a single hyphen. */
  doubleDash: boolean;
  /** The part after `=`, unquoted; null when there is no `=`. */
  value: string | null;
  valueQuoted: boolean;
  /** Offset of the value in the decoded command text. */
  valueStart: number;
}

const QUOTES = new Set(['"', '“', '”', '„']);
const SPACE = /\s/;
/** `--name[=value]`; macOS and iOS turn `--` into an em or en dash, so those count as two hyphens. */
const FLAG = /^(--|—|–|-)([A-Za-z][A-Za-z0-9_-]*)(?:=([\s\S]*))?$/;
const SHOWN_LENGTH = 40;

/**
 * Splits command text into words. Slack escapes `&`, `<` and `>` as entities; they are decoded so
 * the words are what the user typed (rendering escapes them again). Fails on an unclosed quote and
 * on a control character (PostgreSQL cannot store U+0000; none belongs in a label or a reason).
 */
export function tokenize(text: string): { tokens: Token[]; source: string } | { problem: string } {
  const control = controlCharacterIn(text);
  if (control)
    return { problem: `The command holds a control character (${control}); type it again without it.` };
  const source = decodeEntities(text).trim();
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (SPACE.test(source[i]!)) {
      i++;
      continue;
    }
    const lexed = lexToken(source, i);
    if ('problem' in lexed) return lexed;
    tokens.push(lexed.token);
    i = lexed.end;
  }
  return { tokens, source };
}

/** The token as an option, or null when it is an ordinary word (quoted words never are options). */
export function readFlag(token: Token): Flag | null {
  if (token.startsQuoted) return null;
  const m = FLAG.exec(token.raw);
  if (!m) return null;
  const rawValue = m[3];
  const flag: Flag = {
    name: m[2]!.toLowerCase(),
    raw: token.raw,
    doubleDash: m[1] !== '-',
    value: null,
    valueQuoted: false,
    valueStart: token.start + token.raw.length,
  };
  if (rawValue === undefined) return flag;
  const lexed = rawValue === '' ? null : lexToken(rawValue, 0);
  const value = lexed && !('problem' in lexed) ? lexed.token : null;
  return {
    ...flag,
    value: value ? value.text : rawValue,
    valueQuoted: value?.wholeQuoted ?? false,
    valueStart: token.start + token.raw.length - rawValue.length,
  };
}

/** User text shown inside a problem sentence: a short code span that cannot break out of itself. */
export function quote(text: string): string {
  const chars = Array.from(text.replace(/`/g, "'").replace(/\s+/g, ' '));
  const shown =
    chars.length > SHOWN_LENGTH ? `${chars.slice(0, SHOWN_LENGTH - 1).join('')}…` : chars.join('');
  return `\`${shown || ' '}\``;
}

function lexToken(s: string, from: number): { token: Token; end: number } | { problem: string } {
  let i = from;
  let text = '';
  let quotedSegments = 0;
  let plainChars = 0;
  while (i < s.length && !SPACE.test(s[i]!)) {
    const ch = s[i]!;
    if (QUOTES.has(ch)) {
      const close = findClosingQuote(s, i + 1);
      if (close < 0) return { problem: `A quote (${ch}) is not closed; close it or leave it out.` };
      text += s.slice(i + 1, close);
      quotedSegments++;
      i = close + 1;
    } else {
      text += ch;
      plainChars++;
      i++;
    }
  }
  const token: Token = {
    text,
    raw: s.slice(from, i),
    start: from,
    wholeQuoted: quotedSegments === 1 && plainChars === 0,
    startsQuoted: QUOTES.has(s[from]!),
  };
  return { token, end: i };
}

function findClosingQuote(s: string, from: number): number {
  for (let i = from; i < s.length; i++) if (QUOTES.has(s[i]!)) return i;
  return -1;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
