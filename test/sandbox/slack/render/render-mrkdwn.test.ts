import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../src/sandbox/slack/render/escape-html.js';
import { renderMrkdwn, renderPlainText } from '../../../../src/sandbox/slack/render/render-mrkdwn.js';
import { NAMES } from './render-support.js';

describe('renderMrkdwn', () => {
  it.each([
    ['bold', '*Why:* because', '<strong>Why:</strong> because'],
    ['italic and strike', '_soon_ and ~never~', '<em>soon</em> and <del>never</del>'],
    [
      'bold around a mention',
      '*Approved by* <@UBOB>',
      '<strong>Approved by</strong> <span class="mention">@Bob</span>',
    ],
    ['a mention with its own label', '<@U777|ops>', '<span class="mention">@ops</span>'],
    ['an unknown user', '<@U777>', '<span class="mention">@U777</span>'],
    [
      'a channel',
      '<#C0INCIDENT>',
      '<a class="channel-link" href="/?channel=C0INCIDENT">#compromise-20260315-acme</a>',
    ],
    [
      'a date',
      '<!date^1773580320^{date_short_pretty} at {time}|2026-03-15T13:12:00.000Z>',
      '<time datetime="2026-03-15T13:12:00.000Z">2026-03-15 13:12 UTC</time>',
    ],
    [
      'a web link',
      '<https://example.com/a?b=1&amp;c=2|the docs>',
      '<a href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">the docs</a>',
    ],
    ['a javascript link', '<javascript:alert(1)|click>', '&lt;javascript:alert(1)|click&gt;'],
    ['a broadcast', '<!here>', '<span class="mention">@here</span>'],
    ['Slack escapes', 'a &lt;b&gt; &amp; c', 'a &lt;b&gt; &amp; c'],
    ['raw markup', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['quotes', 'say "hi" it\'s', 'say &quot;hi&quot; it&#39;s'],
    [
      'inline code with stars',
      '`*not bold*` then *bold*',
      '<code>*not bold*</code> then <strong>bold</strong>',
    ],
    ['a code block', '```\npa55<&>\nline 2```', '<pre class="mk-pre">pa55&lt;&amp;&gt;\nline 2</pre>'],
    ['underscores inside words', 'step_key and file_name_here', 'step_key and file_name_here'],
    ['an emoji shortcode', ':warning: Slack would not invite', '⚠️ Slack would not invite'],
    ['an unknown shortcode and a time', ':nope: at 13:12:00', ':nope: at 13:12:00'],
    ['line breaks', 'one\ntwo', 'one<br>two'],
    ['a quote', '&gt; quoted\nafter', '<blockquote>quoted</blockquote>after'],
    [
      'a forged placeholder beside a mention',
      'a\uE0000\uE000 <@UBOB>',
      'a0 <span class="mention">@Bob</span>',
    ],
  ])(
    'when the text has %s, then it renders as HTML with everything else escaped',
    (_name, text, expected) => {
      expect(renderMrkdwn(text, NAMES)).toBe(expected);
    },
  );
});

describe('renderPlainText and escapeHtml', () => {
  it.each([
    ['markup', '<b>x</b>', true, '&lt;b&gt;x&lt;/b&gt;'],
    ['an emoji when allowed', 'Go :rotating_light:', true, 'Go 🚨'],
    ['an emoji when not allowed', 'Go :rotating_light:', false, 'Go :rotating_light:'],
    ['mrkdwn, which stays literal', '*not bold* <@UBOB>', true, '*not bold* &lt;@UBOB&gt;'],
  ])('when plain text holds %s, then it is shown literally', (_name, text, emoji, expected) => {
    expect(renderPlainText(text, emoji)).toBe(expected);
  });

  it('when text has each character that could start markup, then each is escaped', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
