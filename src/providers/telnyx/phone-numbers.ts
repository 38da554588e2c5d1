import type { ProviderHttp } from '../http/types.js';
import { listAll } from './pagination.js';
import { requestData } from './request-data.js';
import { byId } from './resource-api.js';
import { resourcePath } from './resource-path.js';
import { phoneNumberSchema, pinIsSchema } from './schemas/phone-numbers.js';

/** `GET /phone_numbers`, `GET` and `PATCH /phone_numbers/{id}`: the numbers and their port-out PIN. */
export type PhoneNumbersApi = ReturnType<typeof createPhoneNumbersApi>;

export function createPhoneNumbersApi(http: ProviderHttp) {
  const item = phoneNumberSchema;
  const one = byId(http, '/phone_numbers', item);
  return {
    list: () => listAll(http, { path: '/phone_numbers', operation: 'list phone numbers', item }),
    get: (id: string) => one('GET', id, 'get phone number'),
    /** `PATCH /phone_numbers/{id}` with `{ external_pin }` only; the PIN goes into the body alone. */
    setExternalPin: (id: string, pin: string) =>
      one('PATCH', id, 'set phone number port-out PIN', { external_pin: pin }),
    /** Reads the number and says whether its PIN is `pin` (a write whose answer was lost). */
    pinIs: (id: string, pin: string) =>
      requestData(http, {
        method: 'GET',
        path: resourcePath('/phone_numbers', id),
        operation: 'check phone number port-out PIN',
        item: pinIsSchema(pin),
      }),
  };
}
