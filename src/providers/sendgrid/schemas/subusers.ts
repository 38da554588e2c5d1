import { z } from 'zod';
import { orNull } from './common.js';

/** A subuser (`GET /v3/subusers`, a bare array); `disabled` subusers cannot send or sign in. */
export interface Subuser {
  id: number;
  username: string;
  email: string | null;
  disabled: boolean;
  region: string | null;
}

export const subuserSchema: z.ZodType<Subuser> = z.object({
  id: z.number(),
  username: z.string(),
  email: orNull(z.string()),
  disabled: z.boolean(),
  region: orNull(z.string()),
});
