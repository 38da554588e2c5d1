// When Reclaim Local may run: never against a real provider unless asked for and bound to loopback.
import { isIP } from 'node:net';

/** Whether a HOST value is a loopback address (127.0.0.0/8, ::1, localhost): reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) !== 6) return false;
  // The URL parser writes an IPv6 address in its shortest form (0:0:0:0:0:0:0:1 → ::1).
  const short = new URL(`http://[${bare}]/`).hostname;
  return short === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(short);
}

export interface LocalModeInput {
  /** No SLACK_BOT_TOKEN: Reclaim Local is what runs. */
  local: boolean;
  /** The provider variables that are set (TELNYX_API_KEY, …): a real account is reachable. */
  providerKeys: readonly string[];
  /** RECLAIM_LOCAL_REAL=1. */
  localReal: boolean;
  host: string;
}

/**
 * The start-up refusals for Reclaim Local, one line each, naming the variable: a provider key with
 * neither SLACK_BOT_TOKEN nor RECLAIM_LOCAL_REAL=1, or RECLAIM_LOCAL_REAL=1 on a HOST that is not
 * loopback (its console has no login: on another interface anyone who reaches it could approve).
 */
export function localModeProblems(input: LocalModeInput): string[] {
  if (!input.local) return [];
  const problems: string[] = [];
  if (input.providerKeys.length > 0 && !input.localReal) {
    problems.push(
      `RECLAIM_LOCAL_REAL is not set, nor SLACK_BOT_TOKEN, but ${input.providerKeys.join(', ')} ${input.providerKeys.length === 1 ? 'is' : 'are'}: Reclaim Local's console has no login, so it does not act on a real account unless asked. Set SLACK_BOT_TOKEN to run in Slack, or RECLAIM_LOCAL_REAL=1 to use the real account from Reclaim Local on 127.0.0.1 only (or unset the provider keys for the sandbox)`,
    );
  }
  if (input.localReal && !isLoopbackHost(input.host)) {
    problems.push(
      `RECLAIM_LOCAL_REAL=1 needs HOST to be a loopback address (127.0.0.1, ::1 or localhost), not ${input.host}: Reclaim Local's console has no login, so on a real account it answers this machine only`,
    );
  }
  return problems;
}
