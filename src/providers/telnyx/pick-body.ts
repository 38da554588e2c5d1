/** A JSON body holding only the listed keys whose values are defined, in that order. */
export function pickBody<T extends object>(
  patch: T,
  keys: readonly (keyof T & string)[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    if (patch[key] !== undefined) body[key] = patch[key];
  }
  return body;
}
