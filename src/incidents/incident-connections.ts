/** Which provider connections a real incident works through, and which of them Reclaim does not have. */
import { connectionOf } from '../domain/connection.js';
import { type IncidentProvider, PROVIDERS_OF } from '../domain/providers.js';
import type { UseCaseDeps } from './deps.js';

/** One label per provider of the incident: the one typed for it, else the one named after it. */
export function incidentConnections(provider: IncidentProvider, typed: readonly string[] = []): string[] {
  return PROVIDERS_OF[provider].map((p) => connectionOf(typed, p));
}

/**
 * The labels of `connections` Reclaim holds no connection for. Without a store (tests that run no
 * real provider) it cannot tell, and reports none: `fallback` (the environment's providers) decides.
 */
export async function missingConnections(
  deps: Pick<UseCaseDeps, 'connections'>,
  connections: readonly string[],
  fallback: readonly string[],
): Promise<string[]> {
  const store = deps.connections;
  if (!store) return connections.filter((label) => !fallback.includes(label));
  const missing: string[] = [];
  for (const label of connections) if (!(await store.find(label))) missing.push(label);
  return missing;
}
