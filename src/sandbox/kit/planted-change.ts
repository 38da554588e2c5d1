/**
 * One change an attacker planted in a seeded account, of a provider's kind `K`: what the
 * end-to-end tests check was found and undone.
 */
export interface PlantedChangeOf<K extends string> {
  kind: K;
  /** The resource's id (the provider's own; the provider's `PlantedChange` says which, per kind). */
  id: string;
  /** One line for test failure messages. No secrets. */
  summary: string;
  /** SHA-256 of the planted secret, to tell whether it was rotated. */
  secretDigest?: string;
  /** The planted value that makes it the attacker's: a forwarding target, an IP, a webhook host. */
  value?: string;
}
