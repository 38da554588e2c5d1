import type { Listing } from '../http/tolerant-records.js';
import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { resourcePath } from './resource-path.js';
import { type PhoneNumber, phoneNumberSchema, pinIsSchema } from './schemas/phone-numbers.js';

/** `GET /phone_numbers`, `GET` and `PATCH /phone_numbers/{id}`: the numbers and their port-out PIN. */
export interface PhoneNumbersApi {
  list(): Promise<Listing<PhoneNumber>>;
  get(id: string): Promise<PhoneNumber>;
  /** `PATCH /phone_numbers/{id}` with `{ external_pin }` only; the PIN goes into the body alone. */
  setExternalPin(id: string, pin: string): Promise<PhoneNumber>;
  /** Reads the number and says whether its PIN is `pin` (a write whose answer was lost). */
  pinIs(id: string, pin: string): Promise<boolean>;
}

export function createPhoneNumbersApi(http: ProviderHttp): PhoneNumbersApi {
  const item = phoneNumberSchema;
  const one = (id: string) => ({ path: resourcePath('/phone_numbers', id), id });
  return {
    list: () => listAll(http, { path: '/phone_numbers', operation: 'list phone numbers', item }),
    get: (id) => requestData(http, { method: 'GET', ...one(id), operation: 'get phone number', item }),
    setExternalPin: (id, pin) =>
      requestData(http, {
        method: 'PATCH',
        ...one(id),
        operation: 'set phone number port-out PIN',
        item,
        body: { external_pin: pin },
      }),
    pinIs: (id, pin) =>
      requestData(http, {
        method: 'GET',
        path: one(id).path,
        operation: 'check phone number port-out PIN',
        item: pinIsSchema(pin),
      }),
  };
}
