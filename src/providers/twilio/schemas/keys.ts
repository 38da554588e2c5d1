import { z } from 'zod';
import { nullableString } from './common.js';

/**
 * An API key as `GET …/Keys.json` lists it (the spec gives no type, creator or last use). `sid` is
 * nullable in the spec; a key without one cannot be deleted and is reported as unreadable.
 */
export interface ApiKey {
  sid: string;
  friendly_name: string | null;
  /** RFC 2822, e.g. `Mon, 13 Jun 2016 22:50:08 +0000`. */
  date_created: string | null;
  date_updated: string | null;
}

export const apiKeySchema: z.ZodType<ApiKey> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
});

/** An API key as iam v1 `GET /v1/Keys` lists it: the 2010 fields and `flags`. */
export interface IamApiKey extends ApiKey {
  flags: string[];
}

export const iamApiKeySchema: z.ZodType<IamApiKey> = z.object({
  sid: z.string(),
  friendly_name: nullableString,
  date_created: nullableString,
  date_updated: nullableString,
  flags: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
});

/** `POST …/Keys.json` (201): the key, and its secret, which Twilio shows this once. */
export interface NewApiKey {
  key: ApiKey;
  secret: string;
}

export const newApiKeySchema: z.ZodType<NewApiKey> = z
  .object({
    sid: z.string(),
    friendly_name: nullableString,
    date_created: nullableString,
    date_updated: nullableString,
    secret: z.string().min(1),
  })
  .transform(({ secret, ...key }) => ({ key, secret }));
