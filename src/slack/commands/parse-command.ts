import { isConnectionLabel, providerOfLabel } from '../../domain/connection.js';
import { MAX_REASON_LENGTH } from '../../incidents/settle-step.js';
import { USAGE } from './command-usage.js';
import { parseConnection } from './parse-connect.js';
import { parseStart, providerFor } from './parse-start.js';
import { flagProblem, invalid, type ParsedCommand } from './parsed-command.js';
import { closest } from './suggest-word.js';
import { quote, readFlag, type Token, tokenize } from './tokenize-command.js';

export { DEFAULT_LABEL } from './parse-start.js';
export type { ParsedCommand } from './parsed-command.js';
export { MAX_LABEL_LENGTH } from './start-arguments.js';
export { USAGE };

const SUBCOMMANDS = [
  'start',
  'status',
  'list',
  'close',
  'connect',
  'connections',
  'disconnect',
  'watch',
  'help',
];

/**
 * Parses the text of `/compromise …` (Slack sends it trimmed, with &amp; &lt; &gt; escaped) into
 * a command, or into `invalid` with a sentence that says exactly what was wrong. `now` decides
 * whether a `--since` date is in the future.
 */
export function parseCommand(text: string, now: Date = new Date()): ParsedCommand {
  const tokenized = tokenize(text);
  if ('problem' in tokenized) return invalid(tokenized.problem);
  const { tokens, source } = tokenized;
  const [first, ...rest] = tokens;
  if (!first) return { kind: 'help' };
  const sub = first.text.toLowerCase();
  switch (sub) {
    case 'help':
      return { kind: 'help' };
    case 'status':
    case 'list':
    case 'connections':
      return rest.length === 0 ? { kind: sub } : invalid(nothingExpected(sub, rest[0]!));
    case 'connect':
    case 'disconnect':
      return parseConnection(sub, rest);
    case 'start':
      return rest.length === 0 ? { kind: 'start_modal' } : parseStart(rest, now);
    case 'close':
      return parseClose(rest, source);
    case 'check':
      return parseCheck(rest);
    case 'watch':
      return rest.length === 1 && rest[0]!.text.toLowerCase() === 'stop'
        ? { kind: 'watch_stop' }
        : invalid('`watch` takes one word: `/compromise watch stop` ends this incident’s watch.');
    default:
      return invalid(unknownSubcommand(first.text));
  }
}

function parseClose(tokens: Token[], source: string): ParsedCommand {
  const [token, next, ...after] = tokens;
  if (!token) return { kind: 'close', force: false, reason: null };
  const flag = readFlag(token);
  if (!flag) {
    return invalid(
      `Unexpected text ${quote(token.text)}: \`close\` takes nothing else, or \`--force "reason"\` to close with steps still open.`,
    );
  }
  const problem = flagProblem(flag, ['force'], 'close', new Set());
  if (problem) return invalid(problem);
  let reason: string;
  let stray: Token | undefined;
  if (flag.value !== null) {
    reason = flag.valueQuoted ? flag.value : source.slice(flag.valueStart).trim();
    stray = flag.valueQuoted ? next : undefined;
  } else if (!next) {
    return invalid(needsReason());
  } else {
    const nextFlag = readFlag(next);
    if (nextFlag?.name === 'force') return invalid('`--force` is given twice; give it once.');
    if (nextFlag) return invalid(needsReason());
    reason = next.wholeQuoted ? next.text : source.slice(next.start).trim();
    stray = next.wholeQuoted ? after[0] : undefined;
  }
  if (stray)
    return invalid(`Unexpected text ${quote(stray.text)} after the reason; put the whole reason in quotes.`);
  reason = reason.trim();
  if (!reason) return invalid(needsReason());
  if (reason.length > MAX_REASON_LENGTH) {
    return invalid(`The reason is ${reason.length} characters; keep it under ${MAX_REASON_LENGTH}.`);
  }
  return { kind: 'close', force: true, reason };
}

function nothingExpected(sub: string, token: Token): string {
  return `Unexpected text ${quote(token.text)}: \`${sub}\` takes nothing after it.`;
}

function unknownSubcommand(word: string): string {
  const lower = word.toLowerCase();
  if (providerFor(lower))
    return `Unknown subcommand ${quote(word)}. To open an incident: \`start ${lower}\`.`;
  const hint = closest(lower, SUBCOMMANDS);
  return `Unknown subcommand ${quote(word)}.${hint ? ` Did you mean \`${hint}\`?` : ''}`;
}

function needsReason(): string {
  return '`--force` needs a reason in quotes, like `close --force "provider support confirmed the rest"`.';
}

/** `check <connection|sandbox> [--share]`. */
function parseCheck(tokens: Token[]): ParsedCommand {
  let share = false;
  const words: Token[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const flag = readFlag(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const problem = flagProblem(flag, ['share'], 'check', seen);
    if (problem) return invalid(problem);
    if (flag.value !== null) return invalid('`--share` takes no value; write just `--share`.');
    share = true;
  }
  const [first, stray] = words;
  if (!first)
    return invalid(
      '`check` needs a connection, like `check telnyx` or `check telnyx:eu` (or `check sandbox`).',
    );
  if (stray)
    return invalid(`Unexpected text ${quote(stray.text)}: \`check telnyx:eu --share\` is the whole command.`);
  const label = first.text.toLowerCase();
  if (label !== 'sandbox' && (!providerOfLabel(label) || !isConnectionLabel(label))) {
    return invalid(
      `${quote(first.text)} is not a connection: a provider (\`telnyx\`, \`twilio\`, \`sendgrid\`), optionally with a name (\`telnyx:eu\`), or \`sandbox\`.`,
    );
  }
  return { kind: 'check', label, share };
}
