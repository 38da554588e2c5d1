const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a UUID (the ids of incidents, steps and secrets). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
