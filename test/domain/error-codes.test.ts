import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '../../src/domain/error-codes.js';
import { normaliseError, ReclaimError, StorageError } from '../../src/domain/errors.js';

describe('the closed set of error codes', () => {
  it('when listed, then each code is snake_case and named once', () => {
    expect(ERROR_CODES.filter((c) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(c))).toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(isErrorCode('stale_plan')).toBe(true);
    expect(isErrorCode('name_taken')).toBe(false);
  });

  it.each([
    ['a ReclaimError', new StorageError('migration_edited', 'edited'), 'migration_edited'],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      'storage_unavailable',
    ],
    [
      'a PostgreSQL shutdown',
      Object.assign(new Error('terminating connection'), { code: '57P01' }),
      'storage_unavailable',
    ],
    ['a closed PGlite', new Error('PGlite is closed'), 'storage_unavailable'],
    ['any other Error', new TypeError('x is undefined'), 'internal_error'],
    ['a thrown string', 'boom', 'internal_error'],
  ])('when %s is normalised at the edge, then its code is %s', (_what, thrown, code) => {
    const e = normaliseError(thrown);
    expect(e).toBeInstanceOf(ReclaimError);
    expect(e.code).toBe(code);
  });
});
