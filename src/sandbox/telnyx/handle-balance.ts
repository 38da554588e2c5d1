import { jsonResponse, type SimResponse } from './sim-http.js';

/**
 * `GET /balance` (spec operation `GetUserBalance`, schema `UserBalance`): the account's balance as
 * decimal strings. The simulated account keeps no ledger, so it is a fixed, plausible one; what the
 * route is for is the authentication check every key gets (a deleted key is refused with 401).
 */
export function getBalance(): SimResponse {
  return jsonResponse(200, {
    data: {
      record_type: 'balance',
      balance: '300.00',
      pending: '0.00',
      credit_limit: '0.00',
      available_credit: '300.00',
      currency: 'USD',
    },
  });
}
