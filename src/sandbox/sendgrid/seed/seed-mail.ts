import { subjectRef } from '../../../providers/sendgrid/refs.js';
import type { SimMessage } from '../account.js';
import type { SeedBuilder } from './seed-builder.js';
import { isoSeconds } from './seed-builder.js';
import {
  ATTACKER_DOMAIN,
  ATTACKER_HOST,
  COMPANY_DOMAIN,
  SEED_TRUSTED,
  SPAM_SUBJECTS,
} from './seed-trusted.js';

/** The company's own mail; `#` is replaced by a number, so each template is one subject group. */
const LEGIT_SUBJECTS = [
  'Your Acme receipt #',
  'Welcome to Acme Mail',
  'Reset your Acme password',
  'Your weekly Acme report',
  'Order # has shipped',
  'Invoice # is ready',
];

/** Event Webhooks: the company's, and the attacker's on their host, created in the window. */
export function seedWebhooks(b: SeedBuilder, extraLegit: number): void {
  const legit = (i: number) => {
    const created = isoSeconds(b.before());
    return {
      id: b.random.uuid(),
      url: `https://${SEED_TRUSTED.hosts[0]}/sendgrid/events${i === 0 ? '' : `/${i}`}`,
      enabled: true,
      friendly_name: i === 0 ? 'Delivery events' : `Delivery events ${i + 1}`,
      oauth_client_id: null,
      oauth_token_url: null,
      public_key: b.random.token(44),
      created_date: created,
      updated_date: created,
      delivered: true,
      bounce: true,
      open: false,
      click: false,
    };
  };
  for (let i = 0; i <= extraLegit; i += 1) b.state.eventWebhooks.push(legit(i));
  const created = isoSeconds(b.after());
  const id = b.random.uuid();
  b.state.eventWebhooks.push({
    ...legit(0),
    id,
    url: `https://${ATTACKER_HOST}/collect`,
    friendly_name: null,
    created_date: created,
    updated_date: created,
    open: true,
    click: true,
  });
  b.plant({ kind: 'event_webhook', id, summary: `event webhook to ${ATTACKER_HOST}` });
  b.state.parseSettings.push({
    hostname: SEED_TRUSTED.hosts[1],
    url: `https://${SEED_TRUSTED.hosts[0]}/sendgrid/parse`,
    spam_check: true,
    send_raw: false,
  });
}

function message(b: SeedBuilder, from: string, subject: string, at: number, sender: string): SimMessage {
  return {
    msg_id: `${b.random.token(22)}.filter0001p1mdw1-${b.random.digits(5)}-${b.random.digits(8)}-1`,
    from_email: from,
    to_email: `customer${b.random.digits(5)}@example.org`,
    subject,
    status: b.random.pick(['delivered', 'delivered', 'delivered', 'processed', 'not_delivered'] as const),
    opens_count: b.random.int(0, 3),
    clicks_count: b.random.int(0, 1),
    last_event_time: isoSeconds(at),
    sender,
  };
}

/**
 * Sent mail: `legit` messages over the last 25 days (and a few older than the 30-day review) from
 * the company's addresses, and `spam` messages the attacker's subuser sent in the window under
 * odd subjects, one planted `sent_subject` per subject.
 */
export function seedMessages(b: SeedBuilder, legit: number, spam: number, spamSender: string): void {
  for (let i = 0; i < legit; i += 1) {
    const template = LEGIT_SUBJECTS[i % LEGIT_SUBJECTS.length]!;
    const subject = template.replace('#', String(b.random.int(1000, 99999)));
    const at = i % 50 === 49 ? b.now - (40 + (i % 7)) * 86_400_000 : b.withinDays(25);
    b.state.messages.push(message(b, `noreply@${COMPANY_DOMAIN}`, subject, at, 'parent'));
  }
  for (let i = 0; i < spam; i += 1) {
    const subject = SPAM_SUBJECTS[i % SPAM_SUBJECTS.length]!;
    b.state.messages.push(message(b, `deals@${ATTACKER_DOMAIN}`, subject, b.after(), spamSender));
  }
  for (const subject of SPAM_SUBJECTS.slice(0, Math.min(spam, SPAM_SUBJECTS.length))) {
    b.plant({ kind: 'sent_subject', id: subjectRef(subject), summary: `spam “${subject}”` });
  }
}
