import type { SimPhoneNumber, SimVoiceSettings } from '../account-state.js';
import type { SeedBuilder } from './seed-builder.js';
import { OWN_AREA_CODES, PREMIUM_PREFIXES, SEED_TRUSTED } from './seed-trusted.js';

/** The 555 exchange of each own area code holds 60,000 numbers; a bigger account spreads over 500–599. */
const ONE_EXCHANGE_UP_TO = 30_000;

function ownNumbers(b: SeedBuilder, count: number): string[] {
  const seen = new Set<string>();
  const exchange = () => (count <= ONE_EXCHANGE_UP_TO ? '555' : `5${b.random.digits(2)}`);
  while (seen.size < count) seen.add(`+1${b.random.pick(OWN_AREA_CODES)}${exchange()}${b.random.digits(4)}`);
  return [...seen];
}

function premiumNumber(b: SeedBuilder): string {
  const { prefix, digits } = b.random.pick(PREMIUM_PREFIXES);
  return `${prefix}${b.random.digits(digits)}`;
}

function voice(forwardsTo: string, type: 'always' | 'on-failure'): SimVoiceSettings {
  return {
    call_forwarding: { call_forwarding_enabled: true, forwarding_type: type, forwards_to: forwardsTo },
    call_recording: {
      inbound_call_recording_enabled: false,
      inbound_call_recording_format: 'wav',
      inbound_call_recording_channels: 'single',
    },
    translated_number: '',
    tech_prefix_enabled: false,
    usage_payment_method: 'pay-per-minute',
    inbound_call_screening: 'disabled',
  };
}

/**
 * `count` numbers on the legitimate connections. One in eight forwards legitimately (to another of
 * the account's numbers, or to a trusted outside number); `forwarding` of them were repointed by the
 * attacker to premium or international destinations. The rest do not forward (Telnyx's default:
 * forwarding "enabled" with a blank target).
 */
export function seedNumbers(
  b: SeedBuilder,
  options: { count: number; forwarding: number; connectionIds: string[]; messagingProfileId: string },
): void {
  const numbers = ownNumbers(b, options.count);
  const legitForwards = Math.min(Math.floor(options.count / 8), options.count - options.forwarding);
  const chosen = b.random.sample(options.count, options.forwarding + legitForwards);
  const attacked = new Set(chosen.slice(0, options.forwarding));
  const forwardsLegit = new Set(chosen.slice(options.forwarding));

  for (const [i, phone] of numbers.entries()) {
    let target = '';
    if (forwardsLegit.has(i)) {
      const own = numbers[(i + 1) % numbers.length] as string;
      target = i % 2 === 0 || numbers.length === 1 ? b.random.pick(SEED_TRUSTED.numbers) : own;
    }
    const stamps = b.legit();
    const n = b.make<SimPhoneNumber>('phone_number', 'int64', stamps, {
      phone_number: phone,
      status: 'active',
      phone_number_type: 'local',
      country_iso_alpha2: 'US',
      connection_id: options.connectionIds[i % options.connectionIds.length] ?? null,
      messaging_profile_id: i % 4 === 0 ? options.messagingProfileId : null,
      billing_group_id: null,
      customer_reference: null,
      external_pin: null,
      tags: [],
      deletion_lock_enabled: false,
      hd_voice_enabled: false,
      purchased_at: stamps.created,
      voice: voice(target, i % 3 === 0 ? 'on-failure' : 'always'),
    });
    if (attacked.has(i)) {
      const at = b.attack();
      const premium = premiumNumber(b);
      const previousType = n.voice.call_forwarding.forwarding_type;
      n.voice.call_forwarding = {
        call_forwarding_enabled: true,
        forwarding_type: 'always',
        forwards_to: premium,
      };
      n.updated_at = at;
      b.plant(
        { kind: 'call_forwarding', id: n.id, summary: `${phone} forwards to ${premium}`, value: premium },
        {
          at,
          changeType: 'update',
          alternateResourceId: phone,
          changes: [
            { field: 'call_forwarding.forwards_to', from: target, to: premium },
            { field: 'call_forwarding.forwarding_type', from: previousType, to: 'always' },
          ],
        },
      );
    }
    b.state.phoneNumbers.push(n);
  }
}
