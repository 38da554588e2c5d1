/** `start <provider|connection> [label] [--since YYYY-MM-DD] [--rehearsal]`. */
import { isConnectionLabel, providerOfLabel } from '../../domain/connection.js';
import { type IncidentProvider, PROVIDERS_OF, type ProviderName } from '../../domain/providers.js';
import { flagProblem, invalid, type ParsedCommand } from './parsed-command.js';
import { checkLabel, parseSince } from './start-arguments.js';
import { closest } from './suggest-word.js';
import { quote, readFlag, type Token } from './tokenize-command.js';

export const DEFAULT_LABEL = 'incident';

export const PROVIDERS: Readonly<Record<string, { provider: IncidentProvider; sandbox: boolean }>> = {
  telnyx: { provider: 'telnyx', sandbox: false },
  twilio: { provider: 'twilio', sandbox: false },
  sendgrid: { provider: 'sendgrid', sandbox: false },
  'twilio+sendgrid': { provider: 'twilio+sendgrid', sandbox: false },
  'sendgrid+twilio': { provider: 'twilio+sendgrid', sandbox: false },
  sandbox: { provider: 'telnyx', sandbox: true },
};
const PROVIDER_LIST =
  '`telnyx`, `twilio`, `sendgrid`, `twilio+sendgrid`, `sandbox`, or a connection such as `telnyx:eu`';
export function parseStart(tokens: Token[], now: Date): ParsedCommand {
  const words: Token[] = [];
  let since: Date | null = null;
  let rehearsal = false;
  let watchHours: number | null = null;
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = readFlag(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const problem = flagProblem(flag, ['since', 'rehearsal', 'watch'], 'start', seen);
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
    if (flag.name === 'watch') {
      const hours = parseWatchHours(value);
      if (typeof hours === 'string') return invalid(hours);
      watchHours = hours;
      continue;
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
    watchHours,
  };
}

/** `--watch <hours>`: how long to watch the account after the clean-up; 0 turns the watch off. */
function parseWatchHours(value: string | null): number | string {
  const example = 'like `--watch 72`, or `--watch 0` for no watch';
  if (value === null || value === '') return `\`--watch\` needs a number of hours, ${example}.`;
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(value))
    return `\`--watch ${value}\` is not a number of hours: ${example}.`;
  const hours = Number(value);
  if (hours > 720) return `\`--watch\` is at most 720 hours (30 days), not ${value}.`;
  return hours;
}

/** Own keys only: `constructor` or `__proto__` typed as a provider are not providers. */
/**
 * A provider (`telnyx`), or connection labels joined the same way (`telnyx:eu`,
 * `twilio:parent+sendgrid`): each names the connection the incident works through for its provider.
 */
export function providerFor(
  word: string,
): ((typeof PROVIDERS)[string] & { connections: string[] }) | undefined {
  const key = word.toLowerCase();
  if (Object.hasOwn(PROVIDERS, key)) return { ...PROVIDERS[key]!, connections: [] };
  const parts = key.split('+');
  if (!parts.every(isConnectionLabel)) return undefined;
  const names = parts.map((p) => providerOfLabel(p));
  const joined = names.join('+');
  if (joined === 'sandbox' || !Object.hasOwn(PROVIDERS, joined)) return undefined;
  return { ...PROVIDERS[joined]!, connections: parts };
}
