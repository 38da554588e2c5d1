import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from './start-fake-slack.js';
import { slackErrorOf, webClientFor } from './web-client-for.js';

describe('fake Slack: files.uploadV2', () => {
  let fs: FakeSlack;
  beforeEach(async () => {
    fs = await startFakeSlack();
  });
  afterEach(() => fs.close());

  it('when a report is uploaded with uploadV2, then its bytes, title and comment land in the channel', async () => {
    const client = webClientFor(fs);
    const channel = (await client.conversations.create({ name: 'inc' })).channel!.id!;
    const report = '# Incident report\n\nÜnïcödé survives: ✓\n';
    const res = await client.files.uploadV2({
      channel_id: channel,
      content: report,
      filename: 'report.md',
      title: 'Incident report',
      initial_comment: 'Closed. Report attached.',
    });
    expect(res.ok).toBe(true);
    expect(fs.files).toHaveLength(1);
    const [file] = fs.files;
    expect(file).toMatchObject({ filename: 'report.md', title: 'Incident report', channel, completed: true });
    expect(file?.bytes?.toString('utf8')).toBe(report);
    expect(file?.length).toBe(Buffer.byteLength(report));
    expect(fs.messages(channel)).toMatchObject([
      {
        text: 'Closed. Report attached.',
        files: [{ id: file?.id, title: 'Incident report', name: 'report.md' }],
      },
    ]);
    expect(fs.calls.map((c) => c.method)).toEqual([
      'conversations.create',
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
  });

  it('when an upload is completed before its bytes arrived, then it is file_not_found', async () => {
    const client = webClientFor(fs);
    const { file_id } = await client.files.getUploadURLExternal({ filename: 'x.md', length: 3 });
    const data = await slackErrorOf(client.files.completeUploadExternal({ files: [{ id: file_id! }] }));
    expect(data.error).toBe('file_not_found');
  });

  it('when bytes are posted to an unknown upload URL, then it answers 404', async () => {
    const res = await fetch(`${fs.baseUrl}/upload/FNOPE`, { method: 'POST', body: 'abc' });
    expect(res.status).toBe(404);
  });
});
