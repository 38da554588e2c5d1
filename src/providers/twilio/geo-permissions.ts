// Geo permissions: voice dialing (voice v1 `/v1/DialingPermissions`) and messaging (accounts v1 `/v1/Messaging/GeoPermissions`).
import { z } from 'zod';
import { type Listing, parseRecords } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { send } from './request.js';
import {
  dialingCountrySchema,
  type MessagingGeoPermission,
  messagingGeoPermissionSchema,
} from './schemas/routing.js';

const CATEGORIES = [
  'low_risk_numbers_enabled',
  'high_risk_special_numbers_enabled',
  'high_risk_tollfraud_numbers_enabled',
] as const;

/** One country's three voice categories as `BulkCountryUpdates` takes them. */
export type DialingCountryUpdate = { iso_code: string } & Record<(typeof CATEGORIES)[number], boolean>;

export type GeoPermissionsApi = ReturnType<typeof createGeoPermissionsApi>;

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
export function createGeoPermissionsApi(voice: ProviderHttp, accounts: ProviderHttp) {
  return {
    /** `GET /v1/DialingPermissions/Countries` (every country, or the one `isoCode` names). */
    dialingCountries: async (isoCode?: string) =>
      listAll(voice, {
        path: '/v1/DialingPermissions/Countries',
        key: 'content',
        item: dialingCountrySchema,
        operation: 'list voice dialing permissions',
        query: { IsoCode: isoCode },
        v1: true,
      }),
    /** `POST /v1/DialingPermissions/BulkCountryUpdates` (201): how many countries Twilio updated. */
    updateDialingCountries: async (updates: readonly DialingCountryUpdate[]) =>
      send(voice, {
        method: 'POST',
        path: '/v1/DialingPermissions/BulkCountryUpdates',
        operation: 'update voice dialing permissions',
        schema: bulkUpdateSchema,
        form: {
          UpdateRequest: JSON.stringify(
            updates.map((u) => ({
              iso_code: u.iso_code,
              ...Object.fromEntries(CATEGORIES.map((c) => [c, String(u[c])])),
            })),
          ),
        },
      }),
    /** `GET /v1/Messaging/GeoPermissions` (every country, or those `countryCode` names). */
    messaging: async (countryCode?: string) =>
      send(accounts, {
        method: 'GET',
        path: '/v1/Messaging/GeoPermissions',
        query: { CountryCode: countryCode },
        operation: 'list messaging geo permissions',
        schema: messagingSchema(accounts, 'list messaging geo permissions'),
      }),
    /** `PATCH /v1/Messaging/GeoPermissions`: each country's result, with its `error_code` (0: applied). */
    updateMessaging: async (countryCode: string, enabled: boolean) =>
      send(accounts, {
        method: 'PATCH',
        path: '/v1/Messaging/GeoPermissions',
        operation: 'update messaging geo permissions',
        schema: messagingSchema(accounts, 'update messaging geo permissions'),
        form: { Permissions: JSON.stringify({ country_code: countryCode, type: 'country', enabled }) },
      }),
  };
}
