import { z } from 'zod';
import { orNull, textList } from './common.js';

/** A teammate (`GET /v3/teammates`); phone and postal address are in the response but not kept. */
export interface Teammate {
  username: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  user_type: string | null;
  is_admin: boolean | null;
}

export const teammateSchema: z.ZodType<Teammate> = z.object({
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
export interface PendingInvite {
  /** Not required by the spec; an invitation without one is judged as outside your domains. */
  email: string | null;
  is_admin: boolean | null;
  scopes: string[];
  token: string;
  expiration_date: number | null;
}

export const pendingInviteSchema: z.ZodType<PendingInvite> = z.object({
  email: orNull(z.string()),
  is_admin: orNull(z.boolean()),
  scopes: textList,
  token: z.string().min(1),
  expiration_date: orNull(z.number()),
});
