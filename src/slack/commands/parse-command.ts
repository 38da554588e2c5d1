import { isConnectionLabel, providerOfLabel } from '../../domain/connection.js';
import { type IncidentProvider, PROVIDERS_OF, type ProviderName } from '../../domain/providers.js';
import { MAX_REASON_LENGTH } from '../../incidents/settle-step.js';
import { USAGE } from './command-usage.js';
import { checkLabel, parseSince } from './start-arguments.js';
import { closest } from './suggest-word.js';
import { type Flag, quote, readFlag, type Token, tokenize } from './tokenize-command.js';

export { MAX_LABEL_LENGTH } from './start-arguments.js';
export { USAGE };

export type ParsedCommand =
  | {
      kind: 'start';
      providers: ProviderName[];
      provider: IncidentProvider;
      label: string;
      since: Date | null;
      rehearsal: boolean;
      sandbox: boolean;
      /** Connection labels typed instead of a provider name (`telnyx:eu`); empty: the defaults. */
      connections: string[];
    }
  | { kind: 'status' }
  | { kind: 'list' }
  | { kind: 'close'; force: boolean; reason: string | null }
  | { kind: 'help' }
  | { kind: 'connect'; provider: ProviderName; label: string }
  | { kind: 'connections' }
  /** `start` with nothing after it: the start form. */
  | { kind: 'start_modal' }
  | { kind: 'disconnect'; label: string }
  | { kind: 'invalid'; problem: string; usage: string };

export const DEFAULT_LABEL = 'incident';

const PROVIDERS: Readonly<Record<string, { provider: IncidentProvider; sandbox: boolean }>> = {
  telnyx: { provider: 'telnyx', sandbox: false },
  twilio: { provider: 'twilio', sandbox: false },
  sendgrid: { provider: 'sendgrid', sandbox: false },
  'twilio+sendgrid': { provider: 'twilio+sendgrid', sandbox: false },
  'sendgrid+twilio': { provider: 'twilio+sendgrid', sandbox: false },
  sandbox: { provider: 'telnyx', sandbox: true },
};
const PROVIDER_LIST =
  '`telnyx`, `twilio`, `sendgrid`, `twilio+sendgrid`, `sandbox`, or a connection such as `telnyx:eu`';
const SUBCOMMANDS = ['start', 'status', 'list', 'close', 'connect', 'connections', 'disconnect', 'help'];

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
    default:
      return invalid(unknownSubcommand(first.text));
  }
}

function parseStart(tokens: Token[], now: Date): ParsedCommand {
  const words: Token[] = [];
  let since: Date | null = null;
  let rehearsal = false;
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = readFlag(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const problem = flagProblem(flag, ['since', 'rehearsal'], 'start', seen);
    if (problem) return invalid(problem);
    if (flag.name === 'rehearsal') {
      if (flag.value !== null) return invalid('`--rehearsal` takes no value; write just `--rehearsal`.');
      rehearsal = true;
      continue;
    }
    let value = flag.value;
    if (value === null) {
      const next = tokens[i + 1];
      if (next && !readFlag(next)) {
        value = next.text;
        i++;
      }
    }
    if (value === null || value === '') return invalid('`--since` needs a date, like `--since 2026-01-31`.');
    const parsed = parseSince(value, now);
    if (typeof parsed === 'string') return invalid(parsed);
    since = parsed;
  }
  const [providerToken, labelToken, stray] = words;
  if (!providerToken) return invalid(`\`start\` needs a provider: ${PROVIDER_LIST}.`);
  const choice = providerFor(providerToken.text);
  if (!choice) {
    const hint = closest(providerToken.text.toLowerCase(), Object.keys(PROVIDERS));
    const didYouMean = hint ? ` Did you mean \`${hint}\`?` : '';
    return invalid(`Unknown provider ${quote(providerToken.text)}.${didYouMean} Choose ${PROVIDER_LIST}.`);
  }
  if (stray) {
    return invalid(
      `Unexpected text ${quote(stray.text)}: the label is one word (or put it "in quotes"), and options start with \`--\`.`,
    );
  }
  const label = labelToken ? labelToken.text.replace(/\s+/g, ' ').trim() : DEFAULT_LABEL;
  const labelProblem = checkLabel(label);
  if (labelProblem) return invalid(labelProblem);
  const providers: ProviderName[] = [...PROVIDERS_OF[choice.provider]];
  return {
    kind: 'start',
    providers,
    provider: choice.provider,
    label,
    since,
    rehearsal: rehearsal || choice.sandbox,
    sandbox: choice.sandbox,
    connections: choice.connections,
  };
}

/** `connect <provider> [name]` (the label `provider:name`) and `disconnect <label>`. */
function parseConnection(sub: 'connect' | 'disconnect', tokens: Token[]): ParsedCommand {
  const [first, second, stray] = tokens;
  const example = sub === 'connect' ? '`connect telnyx eu`' : '`disconnect telnyx:eu`';
  if (!first) return invalid(`\`${sub}\` needs a connection, like ${example}.`);
  const extra = sub === 'connect' ? stray : second;
  if (extra) return invalid(`Unexpected text ${quote(extra.text)}: ${example} is the whole command.`);
  const word = first.text.toLowerCase();
  const label = sub === 'connect' && second ? `${word}:${second.text.toLowerCase()}` : word;
  const provider = providerOfLabel(label);
  if (!provider || !isConnectionLabel(label)) {
    return invalid(
      `${quote(label)} is not a connection: a provider (\`telnyx\`, \`twilio\`, \`sendgrid\`), then optionally a name of lower-case letters, digits, \`-\` or \`_\`, like ${example}.`,
    );
  }
  return sub === 'connect' ? { kind: 'connect', provider, label } : { kind: 'disconnect', label };
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

function flagProblem(flag: Flag, allowed: string[], sub: string, seen: Set<string>): string | null {
  if (!flag.doubleDash) {
    return `Unknown option ${quote(flag.raw)}: options start with two hyphens, like \`--${allowed[0]}\`.`;
  }
  if (!allowed.includes(flag.name)) {
    const takes = allowed.map((a) => `\`--${a}\``).join(' and ');
    return `Unknown option ${quote(`--${flag.name}`)}: \`${sub}\` takes ${takes}.`;
  }
  if (seen.has(flag.name)) return `\`--${flag.name}\` is given twice; give it once.`;
  seen.add(flag.name);
  return null;
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

/** Own keys only: `constructor` or `__proto__` typed as a provider are not providers. */
/**
 * A provider (`telnyx`), or connection labels joined the same way (`telnyx:eu`,
 * `twilio:parent+sendgrid`): each names the connection the incident works through for its provider.
 */
function providerFor(word: string): ((typeof PROVIDERS)[string] & { connections: string[] }) | undefined {
  const key = word.toLowerCase();
  if (Object.hasOwn(PROVIDERS, key)) return { ...PROVIDERS[key]!, connections: [] };
  const parts = key.split('+');
  if (!parts.every(isConnectionLabel)) return undefined;
  const names = parts.map((p) => providerOfLabel(p));
  const joined = names.join('+');
  if (joined === 'sandbox' || !Object.hasOwn(PROVIDERS, joined)) return undefined;
  return { ...PROVIDERS[joined]!, connections: parts };
}

function needsReason(): string {
  return '`--force` needs a reason in quotes, like `close --force "provider support confirmed the rest"`.';
}

function invalid(problem: string): ParsedCommand {
  return { kind: 'invalid', problem, usage: USAGE };
}
