/** `connect <provider> [name]`, `connect twilio:<name> --subaccount AC… [--from <label>]` and `disconnect <label>`. */
import { isConnectionLabel, providerOfLabel } from '../../domain/connection.js';
import { flagProblem, invalid, type ParsedCommand } from './parsed-command.js';
import { quote, readFlag, type Token } from './tokenize-command.js';

const SUBACCOUNT_EXAMPLE = '`connect twilio:staging --subaccount AC…`';
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/i;

function notALabel(label: string, example: string): ParsedCommand {
  return invalid(
    `${quote(label)} is not a connection: a provider (\`telnyx\`, \`twilio\`, \`sendgrid\`), then optionally a name of lower-case letters, digits, \`-\` or \`_\`, like ${example}.`,
  );
}

/** The words and the `--subaccount` / `--from` values of a `connect`; a problem sentence if they do not read. */
function splitConnect(tokens: Token[]): { words: Token[]; flags: Map<string, string> } | string {
  const words: Token[] = [];
  const flags = new Map<string, string>();
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = readFlag(token);
    if (!flag) {
      words.push(token);
      continue;
    }
    const problem = flagProblem(flag, ['subaccount', 'from'], 'connect', seen);
    if (problem) return problem;
    let value = flag.value;
    const next = tokens[i + 1];
    if (value === null && next && !readFlag(next)) {
      value = next.text;
      i++;
    }
    if (!value) {
      return flag.name === 'from'
        ? '`--from` needs the parent’s connection, like `--from twilio:parent`.'
        : `\`--subaccount\` needs the subaccount’s Account SID, like ${SUBACCOUNT_EXAMPLE}.`;
    }
    flags.set(flag.name, value);
  }
  return { words, flags };
}

/** `connect <provider> [name]` (the label `provider:name`) and `disconnect <label>`. */
export function parseConnection(sub: 'connect' | 'disconnect', tokens: Token[]): ParsedCommand {
  const split =
    sub === 'connect' ? splitConnect(tokens) : { words: tokens, flags: new Map<string, string>() };
  if (typeof split === 'string') return invalid(split);
  const [first, second, stray] = split.words;
  const example = sub === 'connect' ? '`connect telnyx eu`' : '`disconnect telnyx:eu`';
  if (!first) return invalid(`\`${sub}\` needs a connection, like ${example}.`);
  const extra = sub === 'connect' ? stray : second;
  if (extra) return invalid(`Unexpected text ${quote(extra.text)}: ${example} is the whole command.`);
  const word = first.text.toLowerCase();
  const label = sub === 'connect' && second ? `${word}:${second.text.toLowerCase()}` : word;
  const provider = providerOfLabel(label);
  if (!provider || !isConnectionLabel(label)) return notALabel(label, example);
  if (sub === 'disconnect') return { kind: 'disconnect', label };
  const sid = split.flags.get('subaccount');
  const from = split.flags.get('from');
  if (sid === undefined) {
    if (from !== undefined)
      return invalid(`\`--from\` goes with \`--subaccount\`, like ${SUBACCOUNT_EXAMPLE}.`);
    return { kind: 'connect', provider, label };
  }
  return subaccountCommand(label, sid, from?.toLowerCase() ?? 'twilio');
}

/** `connect twilio:<name> --subaccount AC… [--from <parent>]`: the subaccount read through its parent. */
function subaccountCommand(label: string, sid: string, parentLabel: string): ParsedCommand {
  if (providerOfLabel(label) !== 'twilio') {
    return invalid(`\`--subaccount\` is for Twilio subaccounts only, like ${SUBACCOUNT_EXAMPLE}.`);
  }
  if (label === 'twilio') {
    return invalid(`A subaccount needs a name of its own, like ${SUBACCOUNT_EXAMPLE}.`);
  }
  if (!ACCOUNT_SID.test(sid)) {
    return invalid(
      `${quote(sid)} is not a Twilio Account SID: \`AC\` followed by 32 hex digits (the subaccount’s, as the Console shows it).`,
    );
  }
  if (providerOfLabel(parentLabel) !== 'twilio' || !isConnectionLabel(parentLabel)) {
    return invalid(
      `${quote(parentLabel)} is not a Twilio connection: \`--from\` takes the parent’s, like \`--from twilio:parent\` (default \`twilio\`).`,
    );
  }
  if (parentLabel === label) return invalid('A subaccount is read through another connection than its own.');
  return {
    kind: 'connect_subaccount',
    label,
    subaccountSid: `AC${sid.slice(2).toLowerCase()}`,
    parentLabel,
  };
}
