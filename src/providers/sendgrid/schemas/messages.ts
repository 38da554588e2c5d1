import { z } from 'zod';
import { type Listing, recordsOf } from '../../http/tolerant-records.js';
import { orNull } from './common.js';

/**
 * One message of the Email Activity feed (`GET /v3/messages`). The recipient (`to_email`) and the
 * open and click counts are in the response but not kept: the review groups by subject and sender.
 */
export type Message = z.output<typeof messageSchema>;

export const messageSchema = z.object({
  msg_id: z.string(),
  from_email: orNull(z.string()),
  subject: orNull(z.string()),
  status: orNull(z.string()),
  last_event_time: orNull(z.string()),
});

export function messageListSchema(provider: string, operation: string) {
  return z.object({
    messages: recordsOf(messageSchema, { provider, operation, idKeys: ['msg_id'] }),
  }) as z.ZodType<{ messages: Listing<Message> }>;
}

/** `GET /v3/user/email`: the address the account's owner signs in and gets mail with. */
export const userEmailSchema = z.object({ email: z.string() });
