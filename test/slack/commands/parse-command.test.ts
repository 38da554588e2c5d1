import { describe, expect, it } from 'vitest';
import { type ParsedCommand, parseCommand, USAGE } from '../../../src/slack/commands/parse-command.js';

const NOW = new Date('2026-03-15T12:00:00Z');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const start = (over: Partial<Extract<ParsedCommand, { kind: 'start' }>> = {}): ParsedCommand => ({
  kind: 'start',
  providers: ['telnyx'],
  provider: 'telnyx',
  label: 'incident',
  since: null,
  rehearsal: false,
  sandbox: false,
  connections: [],
  watchHours: null,
  ...over,
});

interface Accepted {
  name: string;
  text: string;
  expected: ParsedCommand;
}

const accepted: Accepted[] = [
  { name: 'empty', text: '', expected: { kind: 'help' } },
  { name: 'only whitespace', text: '  \t \n ', expected: { kind: 'help' } },
  { name: 'help', text: 'help', expected: { kind: 'help' } },
  { name: 'HELP with words after it', text: 'HELP me please', expected: { kind: 'help' } },
  { name: 'status', text: 'status', expected: { kind: 'status' } },
  { name: 'Status in mixed case', text: 'Status', expected: { kind: 'status' } },
  { name: 'list', text: 'list', expected: { kind: 'list' } },
  { name: 'start telnyx', text: 'start telnyx', expected: start() },
  { name: 'start alone opens the form', text: 'start', expected: { kind: 'start_modal' } },
  { name: 'start with no watch', text: 'start telnyx --watch 0', expected: start({ watchHours: 0 }) },
  {
    name: 'start with a 24.5 h watch',
    text: 'start telnyx --watch=24.5',
    expected: start({ watchHours: 24.5 }),
  },
  { name: 'watch stop', text: 'watch stop', expected: { kind: 'watch_stop' } },
  { name: 'WATCH STOP in capitals', text: 'WATCH STOP', expected: { kind: 'watch_stop' } },
  {
    name: 'start twilio',
    text: 'start twilio',
    expected: start({ provider: 'twilio', providers: ['twilio'] }),
  },
  {
    name: 'start sendgrid',
    text: 'start sendgrid',
    expected: start({ provider: 'sendgrid', providers: ['sendgrid'] }),
  },
  {
    name: 'start twilio+sendgrid',
    text: 'start twilio+sendgrid',
    expected: start({ provider: 'twilio+sendgrid', providers: ['twilio', 'sendgrid'] }),
  },
  {
    name: 'start sendgrid+twilio (either order)',
    text: 'start sendgrid+twilio',
    expected: start({ provider: 'twilio+sendgrid', providers: ['twilio', 'sendgrid'] }),
  },
  {
    name: 'start by connection label',
    text: 'start telnyx:eu acme',
    expected: start({ label: 'acme', connections: ['telnyx:eu'] }),
  },
  {
    name: 'start two accounts by label, either order',
    text: 'start sendgrid:mail+twilio:parent',
    expected: start({
      provider: 'twilio+sendgrid',
      providers: ['twilio', 'sendgrid'],
      connections: ['sendgrid:mail', 'twilio:parent'],
    }),
  },
  {
    name: 'a label for one of two providers, the default for the other',
    text: 'start twilio:parent+sendgrid',
    expected: start({
      provider: 'twilio+sendgrid',
      providers: ['twilio', 'sendgrid'],
      connections: ['twilio:parent', 'sendgrid'],
    }),
  },
  { name: 'start sandbox', text: 'start sandbox', expected: start({ rehearsal: true, sandbox: true }) },
  {
    name: 'start sandbox --rehearsal (redundant)',
    text: 'start sandbox --rehearsal',
    expected: start({ rehearsal: true, sandbox: true }),
  },
  {
    name: 'upper-case subcommand and provider, label keeps its case',
    text: 'START TELNYX SIP-Fraud',
    expected: start({ label: 'SIP-Fraud' }),
  },
  {
    name: 'label, --since and --rehearsal',
    text: 'start telnyx sip-fraud --since 2026-01-31 --rehearsal',
    expected: start({ label: 'sip-fraud', since: utc(2026, 1, 31), rehearsal: true }),
  },
  {
    name: 'options before the provider',
    text: 'start --rehearsal --since 2026-01-31 twilio',
    expected: start({ provider: 'twilio', providers: ['twilio'], rehearsal: true, since: utc(2026, 1, 31) }),
  },
  {
    name: '--since=date form',
    text: 'start telnyx --since=2026-01-01',
    expected: start({ since: utc(2026, 1, 1) }),
  },
  {
    name: 'an em dash autocorrected from --',
    text: 'start telnyx —since 2026-01-01',
    expected: start({ since: utc(2026, 1, 1) }),
  },
  {
    name: 'a leap day',
    text: 'start telnyx --since 2024-02-29',
    expected: start({ since: utc(2024, 2, 29) }),
  },
  {
    name: 'tomorrow in UTC, already today east of UTC',
    text: 'start telnyx --since 2026-03-16',
    expected: start({ since: utc(2026, 3, 16) }),
  },
  {
    name: 'the first allowed day',
    text: 'start telnyx --since 2000-01-01',
    expected: start({ since: utc(2000, 1, 1) }),
  },
  {
    name: 'a quoted label with spaces',
    text: 'start telnyx "sip fraud"',
    expected: start({ label: 'sip fraud' }),
  },
  {
    name: 'a label in curly quotes',
    text: 'start telnyx “sip   fraud”',
    expected: start({ label: 'sip fraud' }),
  },
  { name: 'a quoted provider', text: 'start "telnyx"', expected: start() },
  {
    name: 'a label with accents and emoji',
    text: 'start telnyx émoji🚨',
    expected: start({ label: 'émoji🚨' }),
  },
  { name: 'a Cyrillic label', text: 'start telnyx инцидент', expected: start({ label: 'инцидент' }) },
  {
    name: 'a label of exactly 40 characters',
    text: `start telnyx ${'a'.repeat(40)}`,
    expected: start({ label: 'a'.repeat(40) }),
  },
  {
    name: 'a <!channel> label (escaped when shown)',
    text: 'start telnyx <!channel>',
    expected: start({ label: '<!channel>' }),
  },
  {
    name: 'Slack-escaped entities in the label',
    text: 'start telnyx &lt;!channel&gt;&amp;co',
    expected: start({ label: '<!channel>&co' }),
  },
  {
    name: 'a user mention as label',
    text: 'start telnyx <@U123|alice>',
    expected: start({ label: '<@U123|alice>' }),
  },
  {
    name: 'connect a provider',
    text: 'connect telnyx eu',
    expected: { kind: 'connect', provider: 'telnyx', label: 'telnyx:eu' },
  },
  {
    name: 'connect a Twilio subaccount through the default parent',
    text: 'connect twilio:staging --subaccount AC0123456789abcdef0123456789abcdef',
    expected: {
      kind: 'connect_subaccount',
      label: 'twilio:staging',
      subaccountSid: 'AC0123456789abcdef0123456789abcdef',
      parentLabel: 'twilio',
    },
  },
  {
    name: 'connect a subaccount named in two words, from a named parent, its SID in capitals',
    text: 'connect twilio staging --from=twilio:Parent --subaccount=AC0123456789ABCDEF0123456789ABCDEF',
    expected: {
      kind: 'connect_subaccount',
      label: 'twilio:staging',
      subaccountSid: 'AC0123456789abcdef0123456789abcdef',
      parentLabel: 'twilio:parent',
    },
  },
  { name: 'close', text: 'close', expected: { kind: 'close', force: false, reason: null } },
  {
    name: 'close --force with a quoted reason',
    text: 'close --force "provider support confirmed the rest"',
    expected: { kind: 'close', force: true, reason: 'provider support confirmed the rest' },
  },
  {
    name: 'close --force with a curly-quoted reason',
    text: 'close --force “done by hand in the portal”',
    expected: { kind: 'close', force: true, reason: 'done by hand in the portal' },
  },
  {
    name: 'close --force with the reason as the rest of the line',
    text: 'close --force the "api" step is done by hand',
    expected: { kind: 'close', force: true, reason: 'the "api" step is done by hand' },
  },
  {
    name: 'close --force="reason"',
    text: 'close --force="reason here"',
    expected: { kind: 'close', force: true, reason: 'reason here' },
  },
  {
    name: 'close --force with escaped entities in the reason',
    text: 'close --force "we &amp; they agreed &lt;3"',
    expected: { kind: 'close', force: true, reason: 'we & they agreed <3' },
  },
  {
    name: 'close --force with an apostrophe in the reason',
    text: "close --force it's fixed",
    expected: { kind: 'close', force: true, reason: "it's fixed" },
  },
];

interface Refused {
  name: string;
  text: string;
  problem: RegExp;
}

const refused: Refused[] = [
  {
    name: 'status with stray text',
    text: 'status now',
    problem: /^Unexpected text `now`: `status` takes nothing/,
  },
  { name: 'list with an option', text: 'list --all', problem: /Unexpected text `--all`/ },

  { name: 'start with only an option', text: 'start --rehearsal', problem: /needs a provider/ },
  {
    name: 'two connections of one provider',
    text: 'start telnyx:eu+telnyx',
    problem: /^Unknown provider `telnyx:eu\+telnyx`\./,
  },
  { name: 'a malformed label', text: 'start telnyx:e/u', problem: /^Unknown provider `telnyx:e\/u`\./ },
  {
    name: 'a misspelt provider',
    text: 'start telnix',
    problem: /^Unknown provider `telnix`\. Did you mean `telnyx`\?/,
  },
  {
    name: 'an unknown provider',
    text: 'start vonage',
    problem: /^Unknown provider `vonage`\. Choose `telnyx`/,
  },
  { name: 'stray text after the label', text: 'start telnyx sip fraud', problem: /^Unexpected text `fraud`/ },
  {
    name: 'stray text after options',
    text: 'start telnyx sip --since 2026-01-01 extra',
    problem: /^Unexpected text `extra`/,
  },
  {
    name: 'month 13',
    text: 'start telnyx --since 2026-13-01',
    problem: /^`--since 2026-13-01` is not a real date\.$/,
  },
  {
    name: 'February 30',
    text: 'start telnyx --since 2026-02-30',
    problem: /^`--since 2026-02-30` is not a real date/,
  },
  {
    name: 'a two-digit year',
    text: 'start telnyx --since 26-01-01',
    problem: /wants a date as YYYY-MM-DD.*`26-01-01`/,
  },
  {
    name: 'a date in the future',
    text: 'start telnyx --since 2026-03-20',
    problem: /^`--since 2026-03-20` is in the future\.$/,
  },
  { name: 'the day after tomorrow', text: 'start telnyx --since 2026-03-17', problem: /is in the future/ },
  { name: 'a date before 2000', text: 'start telnyx --since 1999-12-31', problem: /is before 2000/ },
  { name: '--since without a date', text: 'start telnyx --since', problem: /^`--since` needs a date/ },
  {
    name: '--since followed by another option',
    text: 'start telnyx --since --rehearsal',
    problem: /needs a date/,
  },
  {
    name: '--since given twice',
    text: 'start telnyx --since 2026-01-01 --since 2026-01-02',
    problem: /^`--since` is given twice/,
  },
  {
    name: '--rehearsal given twice',
    text: 'start telnyx --rehearsal --rehearsal',
    problem: /`--rehearsal` is given twice/,
  },
  {
    name: '--rehearsal with a value',
    text: 'start telnyx --rehearsal=yes',
    problem: /`--rehearsal` takes no value/,
  },
  {
    name: 'an unknown option',
    text: 'start telnyx --dry-run',
    problem: /^Unknown option `--dry-run`: `start` takes `--since`, `--rehearsal` and `--watch`\.$/,
  },
  {
    name: 'a single-hyphen option',
    text: 'start telnyx -since 2026-01-01',
    problem: /options start with two hyphens/,
  },
  { name: 'an emoji-only label', text: 'start telnyx 🚨', problem: /has no letter or digit/ },
  {
    name: 'a 41-character label',
    text: `start telnyx ${'a'.repeat(41)}`,
    problem: /41 characters; keep it to 40/,
  },
  { name: 'a 5000-character label', text: `start telnyx ${'b'.repeat(5000)}`, problem: /5000 characters/ },
  {
    name: 'SQL-injection-like text',
    text: "start telnyx '; DROP TABLE incidents;--",
    problem: /^Unexpected text `DROP`/,
  },
  { name: 'shell-injection-like text', text: 'start telnyx $(rm -rf /)', problem: /Unknown option `-rf`/ },
  {
    name: 'a prototype key as provider',
    text: 'start constructor',
    problem: /^Unknown provider `constructor`/,
  },
  { name: '__proto__ as provider', text: 'start __proto__', problem: /^Unknown provider `__proto__`/ },
  { name: 'a prototype key as subcommand', text: 'toString', problem: /^Unknown subcommand `toString`\.$/ },
  {
    name: 'an option as the subcommand',
    text: '--since=2026-01-01',
    problem: /^Unknown subcommand `--since=2026-01-01`/,
  },
  { name: 'an unknown subcommand', text: 'frobnicate', problem: /^Unknown subcommand `frobnicate`\.$/ },
  { name: 'a misspelt subcommand', text: 'clsoe', problem: /Did you mean `close`\?/ },
  { name: 'a provider without start', text: 'Telnyx', problem: /To open an incident: `start telnyx`/ },
  { name: 'a <!channel> subcommand', text: '<!channel>', problem: /^Unknown subcommand `<!channel>`/ },
  {
    name: 'close --force without a reason',
    text: 'close --force',
    problem: /^`--force` needs a reason in quotes/,
  },
  {
    name: 'close --force with an empty reason',
    text: 'close --force ""',
    problem: /needs a reason in quotes/,
  },
  {
    name: 'close --force given twice',
    text: 'close --force --force "x"',
    problem: /`--force` is given twice/,
  },
  {
    name: 'close --force followed by another option',
    text: 'close --force --now',
    problem: /needs a reason/,
  },
  {
    name: 'close with stray text',
    text: 'close now',
    problem: /^Unexpected text `now`: `close` takes nothing else/,
  },
  {
    name: 'close with a bare quoted reason',
    text: 'close "all done"',
    problem: /Unexpected text `all done`/,
  },
  {
    name: 'text after a quoted reason',
    text: 'close --force "a" b',
    problem: /Unexpected text `b` after the reason/,
  },
  { name: 'a NUL in the label', text: 'start telnyx a\u0000b', problem: /control character \(U\+0000\)/ },
  {
    name: 'a control character in a close reason',
    text: 'close --force "done\u001bnow"',
    problem: /control character \(U\+001B\)/,
  },
  { name: 'an unclosed quote', text: 'close --force "we are done', problem: /^A quote \("\) is not closed/ },
  {
    name: 'a 600-character reason',
    text: `close --force ${'x'.repeat(600)}`,
    problem: /600 characters; keep it under 500/,
  },
  {
    name: 'a watch that is not a number',
    text: 'start telnyx --watch soon',
    problem: /is not a number of hours/,
  },
  { name: 'a watch of 1000 hours', text: 'start telnyx --watch 1000', problem: /at most 720 hours/ },
  { name: 'a negative watch', text: 'start telnyx --watch -1', problem: /number of hours/ },
  { name: 'watch alone', text: 'watch', problem: /`watch` takes one word: `\/compromise watch stop`/ },
  { name: 'watch with another word', text: 'watch start', problem: /`watch` takes one word/ },
  {
    name: 'close with an unknown option',
    text: 'close --reason x',
    problem: /Unknown option `--reason`: `close` takes `--force`/,
  },
  {
    name: 'a subaccount SID that is not one',
    text: 'connect twilio:staging --subaccount AC123',
    problem: /^`AC123` is not a Twilio Account SID: `AC` followed by 32 hex digits/,
  },
  {
    name: '--subaccount without a SID',
    text: 'connect twilio:staging --subaccount',
    problem: /^`--subaccount` needs the subaccount’s Account SID/,
  },
  {
    name: 'a subaccount of another provider',
    text: 'connect telnyx:eu --subaccount AC0123456789abcdef0123456789abcdef',
    problem: /^`--subaccount` is for Twilio subaccounts only/,
  },
  {
    name: 'a subaccount without a name of its own',
    text: 'connect twilio --subaccount AC0123456789abcdef0123456789abcdef',
    problem: /^A subaccount needs a name of its own/,
  },
  {
    name: 'a subaccount from a parent that is not a Twilio connection',
    text: 'connect twilio:staging --subaccount AC0123456789abcdef0123456789abcdef --from telnyx',
    problem: /^`telnyx` is not a Twilio connection: `--from` takes the parent’s/,
  },
  {
    name: 'a subaccount read through itself',
    text: 'connect twilio:staging --subaccount AC0123456789abcdef0123456789abcdef --from twilio:staging',
    problem: /^A subaccount is read through another connection than its own/,
  },
  {
    name: '--from without --subaccount',
    text: 'connect twilio:x --from twilio',
    problem: /^`--from` goes with `--subaccount`/,
  },
  {
    name: 'connect with an unknown option',
    text: 'connect twilio:x --token abc',
    problem: /^Unknown option `--token`: `connect` takes `--subaccount` and `--from`\.$/,
  },
  {
    name: '--subaccount given twice',
    text: 'connect twilio:x --subaccount AC0123456789abcdef0123456789abcdef --subaccount AC0123456789abcdef0123456789abcdef',
    problem: /^`--subaccount` is given twice/,
  },
  {
    name: 'disconnect with an option',
    text: 'disconnect twilio:x --from twilio',
    problem: /^Unexpected text `--from`/,
  },
];

describe('parseCommand', () => {
  it('has a table of at least 35 inputs', () => {
    expect(accepted.length + refused.length).toBeGreaterThanOrEqual(35);
  });

  it.each(accepted)('when the text is $name, then it parses to the command', ({ text, expected }) => {
    expect(parseCommand(text, NOW)).toEqual(expected);
  });

  it.each(refused)(
    'when the text is $name, then it is invalid and says what was wrong',
    ({ text, problem }) => {
      const parsed = parseCommand(text, NOW);
      expect(parsed.kind).toBe('invalid');
      if (parsed.kind !== 'invalid') return;
      expect(parsed.problem).toMatch(problem);
      expect(parsed.usage).toBe(USAGE);
      // User text is quoted short: a 5000-character input never comes back whole.
      expect(parsed.problem.length).toBeLessThan(300);
    },
  );

  it('when --since is given, then the date is UTC midnight of that day', () => {
    const parsed = parseCommand('start telnyx --since 2026-01-31', NOW);
    expect(parsed.kind === 'start' && parsed.since?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('when no clock is passed, then --since is checked against the current time', () => {
    expect(parseCommand('start telnyx --since 2999-01-01').kind).toBe('invalid');
    expect(parseCommand('start telnyx --since 2020-01-01').kind).toBe('start');
  });

  it('when the usage is shown, then its angle brackets are escaped for mrkdwn', () => {
    expect(USAGE).not.toMatch(/[<>]/);
    expect(USAGE).toContain('&lt;provider&gt;');
  });
});
