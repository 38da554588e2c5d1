import { z } from 'zod';

/**
 * Building blocks for the Telnyx response schemas.
 *
 * Objects are plain `z.object`s: unknown keys are accepted and dropped. That is deliberate: Telnyx
 * returns secrets in ordinary reads (`password`, `sip_password`, `v1_secret`, the port-out
 * `external_pin`, `outbound.ip_authentication_token`), and a key no schema declares never reaches a
 * caller, a log line or a Slack card. Fields the spec marks optional or that Telnyx sends as null
 * become `null`, so callers see one shape.
 */
export function orNull<T extends z.ZodType>(type: T) {
  return type.nullish().transform((v) => v ?? null);
}

export const nullableString = orNull(z.string());
export const nullableBoolean = orNull(z.boolean());
export const nullableNumber = orNull(z.number());
export const nullableInt = orNull(z.number().int());

/** An array of `item` that reads as empty when missing or null. */
export function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
}

export const stringList = listOf(z.string());

/** A nested object the spec may leave out: missing or null, it reads as `{}` would (each field's own default). */
export function nested<S extends z.ZodRawShape>(shape: S) {
  const object = z.object(shape);
  return object.nullish().transform((v) => v ?? object.parse({}));
}

/** `outbound.outbound_voice_profile_id`, the one nested field read on connections and applications. */
export type OutboundLink = z.output<typeof outboundLink>;
export const outboundLink = nested({ outbound_voice_profile_id: nullableString });

/** `created_at` and `updated_at`, the last two fields of most records. */
export const timestamps = { created_at: nullableString, updated_at: nullableString };

/** The webhook URLs of connections and Call Control applications. */
export const webhookUrls = { webhook_event_url: nullableString, webhook_event_failover_url: nullableString };

/** `meta` of a paged listing; any field may be missing, and then paging falls back on page length. */
export const pageMetaSchema = z
  .object({
    page_number: z.number().int().nullish(),
    page_size: z.number().int().nullish(),
    total_pages: z.number().int().nullish(),
    total_results: z.number().int().nullish(),
  })
  .nullish();

export type PageMeta = z.infer<typeof pageMetaSchema>;

/** `{ data: T }`, the envelope of every single-object response. */
export function dataEnvelope<T>(item: z.ZodType<T>): z.ZodType<{ data: T }> {
  return z.object({ data: item });
}

/** `{ data: …, meta }`, the envelope of every listing; `records` parses the array. */
export function pageEnvelope<R>(records: z.ZodType<R>): z.ZodType<{ data: R; meta?: PageMeta }> {
  return z.object({ data: records, meta: pageMetaSchema });
}

/**
 * A boolean the spec gives a default for ("Defaults to true"): missing or null reads as `value`.
 * The field's description in the spec is quoted where it is used.
 */
export function booleanDefault(value: boolean) {
  return z
    .boolean()
    .nullish()
    .transform((v) => v ?? value);
}
