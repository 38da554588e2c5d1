import { z } from 'zod';
import { orNull } from './common.js';

/** A subuser (`GET /v3/subusers`, a bare array); `disabled` subusers cannot send or sign in. */
export type Subuser = z.output<typeof subuserSchema>;

export const subuserSchema = z.object({
  id: z.number(),
  username: z.string(),
  email: orNull(z.string()),
  disabled: z.boolean(),
  region: orNull(z.string()),
});
