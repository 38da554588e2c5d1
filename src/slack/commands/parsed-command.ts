/** What a `/compromise …` text parses to, and the shared ways a parse says what was wrong. */
import type { IncidentProvider, ProviderName } from '../../domain/providers.js';
import { USAGE } from './command-usage.js';
import { type Flag, quote } from './tokenize-command.js';

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
      /** `--watch <hours>`: the post-remediation watch (0: none); null: the configured default. */
      watchHours: number | null;
    }
  | { kind: 'status' }
  | { kind: 'list' }
  | { kind: 'close'; force: boolean; reason: string | null }
  | { kind: 'help' }
  | { kind: 'connect'; provider: ProviderName; label: string }
  /** `connect twilio:<name> --subaccount AC… [--from <parent>]`: read through the parent's connection. */
  | { kind: 'connect_subaccount'; label: string; subaccountSid: string; parentLabel: string }
  | { kind: 'connections' }
  /** `start` with nothing after it: the start form. */
  | { kind: 'start_modal' }
  | { kind: 'disconnect'; label: string }
  | { kind: 'watch_stop' }
  /** `check <connection|sandbox> [--share]`: the posture check. */
  | { kind: 'check'; label: string; share: boolean }
  | { kind: 'invalid'; problem: string; usage: string };

export function invalid(problem: string): ParsedCommand {
  return { kind: 'invalid', problem, usage: USAGE };
}

/** Whether an option is known here, given once and written with two hyphens; the problem if not. */
export function flagProblem(flag: Flag, allowed: string[], sub: string, seen: Set<string>): string | null {
  if (!flag.doubleDash) {
    return `Unknown option ${quote(flag.raw)}: options start with two hyphens, like \`--${allowed[0]}\`.`;
  }
  if (!allowed.includes(flag.name)) {
    const names = allowed.map((a) => `\`--${a}\``);
    const takes = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
    return `Unknown option ${quote(`--${flag.name}`)}: \`${sub}\` takes ${takes}.`;
  }
  if (seen.has(flag.name)) return `\`--${flag.name}\` is given twice; give it once.`;
  seen.add(flag.name);
  return null;
}
