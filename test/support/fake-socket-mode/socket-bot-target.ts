// The fake Slack's user side over Socket Mode: a command or a click becomes an envelope, its ack the answer.
import type { DeliveringBotTarget } from '../../../src/sandbox/slack/interactions/deliver-to-bot.js';
import type { FakeSocketMode } from './start-fake-socket-mode.js';

/**
 * What the interactions POST over HTTP (a command's fields, or `payload` holding an interaction)
 * delivered as a `slash_commands` or `interactive` envelope instead. The answer is the ack: 200 with
 * its payload ('' when empty, as an empty HTTP ack), or 504 when no ack came after every retry.
 */
export function socketBotTarget(socket: FakeSocketMode): DeliveringBotTarget {
  return {
    async deliver(form) {
      const keys = Object.keys(form);
      const interactive = keys.length === 1 && keys[0] === 'payload';
      const payload = interactive ? (JSON.parse(form.payload ?? '{}') as Record<string, unknown>) : form;
      const record = await socket.deliver(interactive ? 'interactive' : 'slash_commands', payload);
      const ack = await record.acked;
      if (!ack) return { status: 504, body: 'no ack within 3 s, after every retry' };
      return { status: 200, body: Object.keys(ack).length === 0 ? '' : ack };
    },
  };
}
