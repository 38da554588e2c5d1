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
export const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

export const nullableBoolean = z
  .boolean()
  .nullish()
  .transform((v) => v ?? null);

export const nullableNumber = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

export const nullableInt = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);

export const stringList = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** `outbound.outbound_voice_profile_id`, the one nested field read on connections and applications. */
export const outboundLink = z
  .object({ outbound_voice_profile_id: nullableString })
  .nullish()
  .transform((v) => ({ outbound_voice_profile_id: v?.outbound_voice_profile_id ?? null }));

export interface OutboundLink {
  outbound_voice_profile_id: string | null;
}

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
export interface PageOf<R> {
  data: R;
  meta?: PageMeta;
}

export function pageEnvelope<R>(records: z.ZodType<R>): z.ZodType<PageOf<R>> {
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
