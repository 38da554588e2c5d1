import { z } from 'zod';
import { orNull } from './common.js';

/**
 * One address that recently tried to reach the account, through the console or the API
 * (`GET /v3/access_settings/activity`). `first_at` and `last_at` are Unix seconds.
 */
export type AccessAttempt = z.output<typeof accessAttemptSchema>;

export const accessAttemptSchema = z.object({
  ip: z.string(),
  allowed: z.boolean(),
  auth_method: orNull(z.string()),
  location: orNull(z.string()),
  first_at: orNull(z.number()),
  last_at: orNull(z.number()),
});

/**
 * One entry of the IP allow list (`GET /v3/access_settings/whitelist`): an address, a CIDR range
 * or `*`. `created_at` and `updated_at` are Unix seconds. The spec requires no field: `id` is
 * required here (the only handle a removal has); `ip` may be null, and the step asks a person.
 */
export type AllowedIp = z.output<typeof allowedIpSchema>;

export const allowedIpSchema = z.object({
  id: z.number().int(),
  ip: orNull(z.string()),
  created_at: orNull(z.number()),
  updated_at: orNull(z.number()),
});
