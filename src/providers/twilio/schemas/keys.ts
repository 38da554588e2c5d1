import { z } from 'zod';
import { namedRecord, nullableString, stringList } from './common.js';

/**
 * An API key as `GET …/Keys.json` lists it (the spec gives no type, creator or last use). `sid` is
 * nullable in the spec; a key without one cannot be deleted and is reported as unreadable.
 */
export const apiKeySchema = namedRecord({}).extend({
  /** RFC 2822, e.g. `Mon, 13 Jun 2016 22:50:08 +0000`. */
  date_created: nullableString,
});
export type ApiKey = z.output<typeof apiKeySchema>;

/** An API key as iam v1 `GET /v1/Keys` lists it: the 2010 fields and `flags`. */
export const iamApiKeySchema = apiKeySchema.extend({ flags: stringList });
export type IamApiKey = z.output<typeof iamApiKeySchema>;

/** `POST …/Keys.json` (201): the key, and its secret, which Twilio shows this once. */
export const newApiKeySchema = apiKeySchema
  .extend({ secret: z.string().min(1) })
  .transform(({ secret, ...key }) => ({ key, secret }));
export type NewApiKey = z.output<typeof newApiKeySchema>;
