// SIP domains: credential lists and IP access control lists mapped onto a domain in the window.
import { listingHas } from '../../providers/http/index.js';
import {
  SIP_DOMAIN_MAPPINGS,
  type SipDomain,
  type SipDomainMappingKind,
  type TwilioClient,
} from '../../providers/twilio/index.js';
import { discoveryOf, type KindExecutor, namedWithId, type PlannedResource } from '../kit/action-kit.js';
import { judgeResource, reasonsOf } from '../kit/judge-resource.js';
import { nothingFound, plural, removeUnlessGone, shownTime } from '../kit/step-kit.js';
import { type Trust, trustOf } from '../kit/trust.js';
import { withUnreadable } from '../kit/unreadable.js';
import type { AutomatedStepDefinition, Discovery, PlaybookContext } from '../types.js';
import { dispatchByKind, textParam } from './playbook-error.js';
import { keyParam } from './remove-rogue-sip-trunks.js';

export const REMOVE_SIP_DOMAIN_MAPPINGS = 'twilio.remove-sip-domain-mappings';

const KINDS = Object.keys(SIP_DOMAIN_MAPPINGS) as SipDomainMappingKind[];

async function planDomain(ctx: PlaybookContext<TwilioClient>, domain: SipDomain, trust: Trust) {
  const name = `SIP domain ${namedWithId(domain.friendly_name, domain.sid)}`;
  const listings = await Promise.all(KINDS.map((k) => ctx.client.sipDomains.mappings(domain.sid, k)));
  const planned = KINDS.flatMap((kind, i) =>
    (listings[i]?.items ?? []).map((m): PlannedResource => {
      const { noun } = SIP_DOMAIN_MAPPINGS[kind];
      const list = `${noun.split(' for ')[0]} ${namedWithId(m.friendly_name, m.sid)}`;
      const use = noun.includes(' for ') ? ` (${noun.split(' for ')[1]})` : '';
      const added = trust.inWindow(m.date_created, 'added');
      return judgeResource(
        {
          resource: m.sid,
          summary: `${list.charAt(0).toUpperCase()}${list.slice(1)} mapped onto ${name}${use}, since ${shownTime(m.date_created)}`,
          reasons: reasonsOf(added),
        },
        added !== undefined && {
          kind: 'remove_sip_domain_mapping',
          target: m.sid,
          params: { domainSid: domain.sid, mapping: kind },
          description: `Unmap ${list} from ${name}${use}; the list itself stays`,
        },
      );
    }),
  );
  return { planned, unreadable: listings.flatMap((l) => l.unreadable) };
}

async function discover(ctx: PlaybookContext<TwilioClient>): Promise<Discovery> {
  const trust = trustOf(ctx);
  const domains = await ctx.client.sipDomains.list();
  const planned: PlannedResource[] = [];
  const unreadable = [...domains.unreadable];
  for (const domain of domains.items) {
    const judged = await planDomain(ctx, domain, trust);
    planned.push(...judged.planned);
    unreadable.push(...judged.unreadable);
  }
  const discovery = discoveryOf(planned, (actions) => {
    const all = `${plural(planned.length, 'list mapping')} on ${plural(domains.items.length, 'SIP domain')}`;
    if (actions.length === 0) return nothingFound(`${all}, none added after the incident began.`);
    return `Of ${all}, unmap ${actions.length} added after the incident began: whoever holds those credentials or addresses can call through the domain.`;
  });
  return withUnreadable(discovery, unreadable);
}

const removeMapping: KindExecutor<TwilioClient> = (ctx, action, recheck) => {
  const domainSid = textParam(action, 'domainSid');
  const kind = keyParam(action, 'mapping', SIP_DOMAIN_MAPPINGS);
  return removeUnlessGone(
    recheck,
    async () =>
      listingHas(await ctx.client.sipDomains.mappings(domainSid, kind), action.target, (m) => m.sid),
    () => ctx.client.sipDomains.deleteMapping(domainSid, kind, action.target),
    { result: { unmapped: true, mapping: kind } },
  );
};

export const removeSipDomainMappingsStep: AutomatedStepDefinition<TwilioClient> = {
  id: REMOVE_SIP_DOMAIN_MAPPINGS,
  kind: 'automated',
  title: 'Unmap credential and IP lists added to SIP domains since the takeover',
  why: 'A credential list or IP access control list mapped onto a SIP domain decides who may call through it: an attacker who maps their own list (or a list holding their address) can place calls on your account. Unmapping leaves the list itself in place.',
  risk: 'high',
  discover,
  execute: dispatchByKind(REMOVE_SIP_DOMAIN_MAPPINGS, { remove_sip_domain_mapping: removeMapping }),
};
