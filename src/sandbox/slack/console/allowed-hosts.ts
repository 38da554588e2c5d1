// The Host headers the console answers: its own names only, so a DNS-rebound page gets nothing.
import { hostname, networkInterfaces } from 'node:os';
import { isLoopbackHost } from '../../../config/local-mode.js';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** An address or name as a Host header writes it: IPv6 in brackets (zone dropped), lower case. */
function asHostName(name: string): string {
  const bare = name
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/%.*$/, '');
  return bare.includes(':') ? `[${bare}]` : bare;
}

/** Every address of this machine's interfaces, and its host name. */
function machineNames(): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
  return [hostname(), ...addresses];
}

/**
 * The Host headers a console bound to `host` on `port` answers, always (anything else is a page on
 * another site reaching it by DNS rebinding): bound to loopback, the loopback names; bound
 * elsewhere (the sandbox only, e.g. 0.0.0.0 in Docker), those plus this machine's host name and
 * interface addresses and the bound name itself. Each with the port (and bare on port 80).
 */
export function allowedHosts(host: string, port: number, names: () => string[] = machineNames): Set<string> {
  const all = isLoopbackHost(host) ? [...LOOPBACK_NAMES, host] : [...LOOPBACK_NAMES, host, ...names()];
  const out = new Set<string>();
  for (const name of all) {
    if (!name || name === '0.0.0.0' || name === '::' || name === '[::]') continue;
    const h = asHostName(name);
    out.add(`${h}:${port}`);
    if (port === 80) out.add(h);
  }
  return out;
}
