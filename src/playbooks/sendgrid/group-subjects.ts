import { type Message, normaliseSubject, subjectRef } from '../../providers/sendgrid/index.js';
import { domainOf } from './trust.js';

/** The messages of one subject (digits folded, see `normaliseSubject`) in the review window. */
export interface SubjectGroup {
  ref: string;
  subject: string;
  count: number;
  /** Sender addresses, most frequent first. */
  senders: string[];
  /** Sender domains, lower case. */
  domains: string[];
  notDelivered: number;
  first: string | null;
  last: string | null;
}

/** Groups messages by normalised subject, largest group first (ties by subject). */
export function groupBySubject(messages: readonly Message[]): SubjectGroup[] {
  const groups = new Map<string, { group: SubjectGroup; senders: Map<string, number> }>();
  for (const m of messages) {
    const subject = normaliseSubject(m.subject);
    let entry = groups.get(subject);
    if (!entry) {
      const group: SubjectGroup = {
        ref: subjectRef(m.subject),
        subject,
        count: 0,
        senders: [],
        domains: [],
        notDelivered: 0,
        first: null,
        last: null,
      };
      entry = { group, senders: new Map() };
      groups.set(subject, entry);
    }
    const { group, senders } = entry;
    group.count += 1;
    if (m.status === 'not_delivered') group.notDelivered += 1;
    const from = (m.from_email ?? '').toLowerCase();
    if (from !== '') senders.set(from, (senders.get(from) ?? 0) + 1);
    const at = m.last_event_time;
    if (at !== null && (group.first === null || at < group.first)) group.first = at;
    if (at !== null && (group.last === null || at > group.last)) group.last = at;
  }
  return [...groups.values()]
    .map(({ group, senders }) => {
      group.senders = [...senders.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([s]) => s);
      group.domains = [...new Set(group.senders.map(domainOf))];
      return group;
    })
    .sort((a, b) => b.count - a.count || a.subject.localeCompare(b.subject));
}
