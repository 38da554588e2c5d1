import { z } from 'zod';
import { orNull, textList } from './common.js';

/** A teammate (`GET /v3/teammates`); phone and postal address are in the response but not kept. */
export type Teammate = z.output<typeof teammateSchema>;

export const teammateSchema = z.object({
  username: z.string(),
  email: orNull(z.string()),
  first_name: orNull(z.string()),
  last_name: orNull(z.string()),
  user_type: orNull(z.string()),
  is_admin: orNull(z.boolean()),
});

/**
 * An invitation not yet accepted (`GET /v3/teammates/pending`); `expiration_date` is Unix seconds.
 * `token` is the only handle the API offers to cancel it (`DELETE /v3/teammates/pending/{token}`),
 * so it is kept; callers must not show it, since whoever holds it can accept the invitation.
 */
export type PendingInvite = z.output<typeof pendingInviteSchema>;

export const pendingInviteSchema = z.object({
  /** Not required by the spec; an invitation without one is judged as outside your domains. */
  email: orNull(z.string()),
  is_admin: orNull(z.boolean()),
  scopes: textList,
  token: z.string().min(1),
  expiration_date: orNull(z.number()),
});
