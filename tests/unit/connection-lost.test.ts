import { describe, expect, it } from 'vitest';
import {
  ConnectionLostError,
  isConnectionLost,
  isRetryableRead,
  writeOutcome,
} from '../../db/connection-lost';

const pgError = (code: string) => Object.assign(new Error('x'), { code });

describe('a dropped database connection', () => {
  it('is told from an SQL error, also when Drizzle wraps it', () => {
    expect(isConnectionLost(pgError('57P01'))).toBe(true);
    expect(isConnectionLost(pgError('CONNECTION_CLOSED'))).toBe(true);
    expect(isConnectionLost(pgError('ECONNRESET'))).toBe(true);
    expect(isConnectionLost(new Error('Failed query', { cause: pgError('57P01') }))).toBe(true);
    expect(isConnectionLost(pgError('23505'))).toBe(false); // a unique violation is the SQL's
    expect(isConnectionLost(pgError('23P01'))).toBe(false);
    expect(isConnectionLost(new Error('boom'))).toBe(false);
    expect(isConnectionLost(null)).toBe(false);
  });

  it('retries plain reads only, never anything that writes', () => {
    expect(isRetryableRead('select "id" from "tours" where "id" = $1')).toBe(true);
    expect(isRetryableRead('  (select 1) union (select 2)')).toBe(true);
    expect(isRetryableRead('with t as (select 1) select * from t')).toBe(true);
    expect(isRetryableRead('insert into "tours" values ($1)')).toBe(false);
    expect(isRetryableRead('update "visits" set "version" = 2')).toBe(false);
    expect(isRetryableRead('delete from "user_sessions"')).toBe(false);
    expect(isRetryableRead('with x as (delete from t returning *) select * from x')).toBe(false);
    expect(isRetryableRead("select nextval('s')")).toBe(false);
  });

  it('tells a write that was not saved from one that may have been', () => {
    expect(writeOutcome(new ConnectionLostError('notSaved', pgError('57P01')))).toBe('notSaved');
    expect(writeOutcome(new ConnectionLostError('unknown', pgError('57P01')))).toBe('unknown');
    // A single statement whose connection dropped: only a fresh read can tell.
    expect(writeOutcome(new Error('Failed query', { cause: pgError('57P01') }))).toBe('unknown');
    expect(writeOutcome(new Error('boom'))).toBeNull();
  });
});
