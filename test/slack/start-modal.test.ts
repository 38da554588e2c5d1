// `/compromise start` with no arguments: the form, its validation, and the incident it opens.
import { afterEach, describe, expect, it } from 'vitest';
import { START_MODAL_CALLBACK_ID } from '../../src/slack/blocks/build-start-modal.js';
import { startTestBot, type TestBot } from '../support/test-bot.js';

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

type Values = Parameters<TestBot['fs']['submitView']>[2];
const form = (v: { connection: string; label?: string; since?: string; rehearsal?: boolean }): Values =>
  ({
    connection: { connection: { type: 'static_select', selected_option: { value: v.connection } } },
    label: { label: { type: 'plain_text_input', value: v.label ?? null } },
    since: { since: { type: 'datepicker', selected_date: v.since ?? null } },
    rehearsal: {
      rehearsal: { type: 'checkboxes', selected_options: v.rehearsal ? [{ value: 'yes' }] : [] },
    },
  }) as unknown as Values;

async function openForm(bot: TestBot, user: string) {
  const before = bot.fs.views.length;
  const answer = await bot.fs.command(user, '/compromise', 'start', { channelId: 'CGENERAL' });
  expect(answer.status).toBe(200);
  return bot.fs.waitFor(() => bot.fs.views[before]);
}

describe('Slack front door: the start form', () => {
  it('when start is typed alone, then a form offers the connections and a rehearsal, since defaulting to 30 days back', async () => {
    tb = await startTestBot();
    const opened = await openForm(tb, 'UALICE');
    const view = opened.view as {
      callback_id: string;
      blocks: { block_id: string; element?: Record<string, unknown> }[];
    };
    expect(view.callback_id).toBe(START_MODAL_CALLBACK_ID);
    const select = view.blocks.find((b) => b.block_id === 'connection')?.element;
    expect(((select?.options ?? []) as { value: string }[]).map((o) => o.value)).toEqual([
      'telnyx',
      'sandbox',
    ]);
    const since = view.blocks.find((b) => b.block_id === 'since')?.element;
    const expected = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    expect(since?.initial_date).toBe(expected);
    expect(view.blocks.find((b) => b.block_id === 'rehearsal')?.element?.type).toBe('checkboxes');
  });

  it('when the form is submitted with a date in the future or a label that is too long, then the errors show on those fields and nothing opens', async () => {
    tb = await startTestBot();
    const opened = await openForm(tb, 'UALICE');
    const future = await tb.fs.submitView(
      'UALICE',
      opened.id,
      form({ connection: 'telnyx', label: 'acme', since: '2999-01-01' }),
    );
    expect(JSON.stringify(future.body)).toMatch(/"errors":\{"since":"[^"]*future/);
    const long = await tb.fs.submitView(
      'UALICE',
      opened.id,
      form({ connection: 'telnyx', label: 'x'.repeat(60) }),
    );
    expect(JSON.stringify(long.body)).toMatch(/"errors":\{"label":/);
    expect(tb.fs.callsTo('conversations.create')).toHaveLength(0);
  });

  it('when someone outside the team submits a real start, then the refusal shows on the form', async () => {
    tb = await startTestBot({ fakeSlack: { users: ['UFRANK'] } });
    const opened = await openForm(tb, 'UFRANK');
    const out = await tb.fs.submitView('UFRANK', opened.id, form({ connection: 'telnyx', label: 'mine' }));
    expect(JSON.stringify(out.body)).toContain('Only the configured responders and approvers');
    expect(tb.fs.callsTo('conversations.create')).toHaveLength(0);
  });

  it('when a good form is submitted, then the incident opens with its label, its since day and its connection, and the rehearsal option opens a rehearsal', async () => {
    tb = await startTestBot();
    const opened = await openForm(tb, 'UALICE');
    const out = await tb.fs.submitView(
      'UALICE',
      opened.id,
      form({ connection: 'telnyx', label: 'from form', since: '2026-11-01' }),
    );
    expect(JSON.stringify(out.body)).toContain('update');
    const channel = await tb.fs.waitFor(() => tb!.fs.channels.find((c) => c.name.endsWith('from-form')), {
      timeoutMs: 15_000,
    });
    await tb.fs.waitFor(() => tb!.fs.channelByName(channel.name)?.members.includes('UALICE'), {
      timeoutMs: 15_000,
    });
    const { rows } = await tb.t.db.query<{ since: Date; connections: string[]; rehearsal: boolean }>(
      `SELECT since, connections, rehearsal FROM incidents WHERE label = 'from form'`,
    );
    expect(rows[0]).toMatchObject({ connections: ['telnyx'], rehearsal: false });
    expect(rows[0]?.since.toISOString().slice(0, 10)).toBe('2026-11-01');

    const rehearsal = await openForm(tb, 'UALICE');
    await tb.fs.submitView('UALICE', rehearsal.id, form({ connection: 'sandbox', label: 'drill' }));
    await tb.fs.waitFor(() => tb!.fs.channels.find((c) => c.name.endsWith('drill')), { timeoutMs: 15_000 });
    const drill = await tb.t.db.query<{ rehearsal: boolean }>(
      `SELECT rehearsal FROM incidents WHERE label = 'drill'`,
    );
    expect(drill.rows[0]?.rehearsal).toBe(true);
  });
});
