// Geo permissions: voice dialing (voice v1 `/v1/DialingPermissions`) and messaging (accounts v1 `/v1/Messaging/GeoPermissions`).
import { z } from 'zod';
import { type Listing, parseRecords } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAllV1 } from './pagination-v1.js';
import { send } from './request.js';
import {
  type DialingCountry,
  dialingCountrySchema,
  type MessagingGeoPermission,
  messagingGeoPermissionSchema,
} from './schemas/routing.js';

/** One country's three voice categories as `BulkCountryUpdates` takes them. */
export interface DialingCountryUpdate {
  iso_code: string;
  low_risk_numbers_enabled: boolean;
  high_risk_special_numbers_enabled: boolean;
  high_risk_tollfraud_numbers_enabled: boolean;
}

export interface GeoPermissionsApi {
  /** `GET /v1/DialingPermissions/Countries` (every country, or the one `isoCode` names). */
  dialingCountries(isoCode?: string): Promise<Listing<DialingCountry>>;
  /** `POST /v1/DialingPermissions/BulkCountryUpdates` (201): how many countries Twilio updated. */
  updateDialingCountries(updates: readonly DialingCountryUpdate[]): Promise<number>;
  /** `GET /v1/Messaging/GeoPermissions` (every country, or those `countryCode` names). */
  messaging(countryCode?: string): Promise<Listing<MessagingGeoPermission>>;
  /** `PATCH /v1/Messaging/GeoPermissions`: each country's result, with its `error_code` (0: applied). */
  updateMessaging(countryCode: string, enabled: boolean): Promise<Listing<MessagingGeoPermission>>;
}

/**
 * `permissions` is untyped in the spec: a list is read record by record; anything else but null is
 * one unreadable record, so a person looks instead of Reclaim calling the account clean.
 */
function messagingSchema(http: ProviderHttp, operation: string): z.ZodType<Listing<MessagingGeoPermission>> {
  const ctx = { provider: http.provider, operation, idKeys: ['country_code'] };
  return z.object({ permissions: z.unknown() }).transform(({ permissions }) => {
    if (Array.isArray(permissions)) return parseRecords(permissions, messagingGeoPermissionSchema, ctx);
    if (permissions === null || permissions === undefined) return { items: [], unreadable: [] };
    const unreadable = {
      provider: ctx.provider,
      operation,
      id: null,
      field: 'permissions',
      problem: 'not a list',
    };
    return { items: [], unreadable: [unreadable] };
  });
}

const bulkUpdateSchema = z
  .object({ update_count: z.number().nullish() })
  .transform((body) => body.update_count ?? 0);

/**
 * The voice categories go to voice v1, the messaging countries to accounts v1. Neither resource
 * has dates, so no step can tell when a country was opened. `UpdateRequest` is the JSON array the
 * spec describes (its values as the strings `"true"`/`"false"`); `Permissions` is one JSON object
 * per country (`country_code`, `type: "country"`, `enabled`).
 */
export function createGeoPermissionsApi(voice: ProviderHttp, accounts: ProviderHttp): GeoPermissionsApi {
  return {
    dialingCountries: async (isoCode) =>
      listAllV1(voice, {
        path: '/v1/DialingPermissions/Countries',
        key: 'content',
        item: dialingCountrySchema,
        operation: 'list voice dialing permissions',
        query: { IsoCode: isoCode },
      }),
    updateDialingCountries: async (updates) =>
      send(voice, {
        method: 'POST',
        path: '/v1/DialingPermissions/BulkCountryUpdates',
        operation: 'update voice dialing permissions',
        schema: bulkUpdateSchema,
        form: {
          UpdateRequest: JSON.stringify(
            updates.map((u) => ({
              iso_code: u.iso_code,
              low_risk_numbers_enabled: String(u.low_risk_numbers_enabled),
              high_risk_special_numbers_enabled: String(u.high_risk_special_numbers_enabled),
              high_risk_tollfraud_numbers_enabled: String(u.high_risk_tollfraud_numbers_enabled),
            })),
          ),
        },
      }),
    messaging: async (countryCode) =>
      (
        await accounts.request({
          method: 'GET',
          path: '/v1/Messaging/GeoPermissions',
          query: { CountryCode: countryCode },
          operation: 'list messaging geo permissions',
          schema: messagingSchema(accounts, 'list messaging geo permissions'),
        })
      ).data,
    updateMessaging: async (countryCode, enabled) =>
      send(accounts, {
        method: 'PATCH',
        path: '/v1/Messaging/GeoPermissions',
        operation: 'update messaging geo permissions',
        schema: messagingSchema(accounts, 'update messaging geo permissions'),
        form: { Permissions: JSON.stringify({ country_code: countryCode, type: 'country', enabled }) },
      }),
  };
}
