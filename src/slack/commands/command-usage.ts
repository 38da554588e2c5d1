/** The help text of `/compromise`, in Slack mrkdwn (angle brackets escaped, as mrkdwn needs). */
export const USAGE = [
  '*Usage:* `/compromise &lt;subcommand&gt;`',
  '• `start &lt;provider&gt; [label] [--since YYYY-MM-DD] [--rehearsal] [--watch hours]` — open an incident channel and its playbook.',
  '    provider: `telnyx`, `twilio`, `sendgrid`, `twilio+sendgrid`, or `sandbox` (a Telnyx rehearsal against a simulated account); or the connection to work through, like `telnyx:eu` or `twilio:parent+sendgrid`',
  '    label: one word (or "quoted words"), up to 40 characters, used in the channel name',
  '    `--since`: the day the takeover may have started; changes after it are flagged',
  '    `--rehearsal`: run against the provider simulator, nothing real changes',
  '    `--watch`: hours to keep watching the account once the steps are settled (default 72; `0`: no watch)',
  '• `status` — show this incident’s progress (in an incident channel)',
  '• `list` — open incidents',
  '• `close [--force "reason"]` — close the incident in this channel and post the report; `--force` closes with steps still open',
  '• `check &lt;connection&gt; [--share]` — approvers: read an account with every step’s discovery, no incident needed, and say what looks risky (`check sandbox` for the simulated account)',
  '• `watch stop` — approvers: end this incident’s post-remediation watch (in an incident channel)',
  '• `connect &lt;provider&gt; [name]` — approvers: give Reclaim access to an account (`telnyx:name`), in a form; checked, then sealed, never shown',
  '• `connections` — approvers: the accounts Reclaim can reach; `disconnect &lt;label&gt;` removes one',
  '• `help` — this message',
  'Example: `/compromise start telnyx sip-fraud --since 2026-01-31`',
].join('\n');
