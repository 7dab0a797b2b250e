import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scrubQueryError } from '../../db/query-errors';
import { decideLock, lockout, minutesUntil } from '../../lib/auth/lockout';
import { safeCallbackPath } from '../../lib/auth/redirect';
import { clientAddress } from '../../lib/client-address.mjs';
import {
  decryptPassport,
  encryptPassport,
  maskPassport,
  needsRekey,
  passportKeyring,
} from '../../lib/crypto/passport';
import { describeIssues } from '../../lib/validation/issues';
import { hasControlChars, optionalText, requiredText } from '../../lib/validation/text';

describe('where to go after signing in', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeCallbackPath('/tours/1/outlets?region=europe#top')).toBe(
      '/tours/1/outlets?region=europe#top',
    );
  });
  it.each([
    '/\\evil.example/',
    '/\t/evil.example/',
    '/\n/evil.example/',
    '//evil.example/',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'http://tourdesk.invalid@evil.example/',
  ])('sends %j home', (value) => {
    const path = safeCallbackPath(value);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(new URL(path, 'https://app.example').origin).toBe('https://app.example');
  });
  it('sends nothing, garbage and huge values home', () => {
    expect(safeCallbackPath(null)).toBe('/');
    expect(safeCallbackPath('')).toBe('/');
    expect(safeCallbackPath(`/${'a'.repeat(5000)}`)).toBe('/');
  });
});

describe('the client address', () => {
  it('is the connection address unless proxies are trusted', () => {
    expect(clientAddress('::ffff:10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, 0)).toBe('10.0.0.5');
  });
  it('behind one trusted proxy, is what that proxy appended, not what the client wrote', () => {
    // The client wrote "1.2.3.4"; the proxy appended the address it saw.
    expect(clientAddress('10.0.0.1', '1.2.3.4, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', '198.51.100.7', 1)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.1', '1.2.3.4, 198.51.100.7, 10.0.0.9', 2)).toBe('198.51.100.7');
  });
  it('falls back to the connection when the header is missing or short', () => {
    expect(clientAddress('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.1', '', 2)).toBe('10.0.0.1');
  });
});

describe('sign-in locks', () => {
  const now = new Date('2026-07-20T08:00:00Z');
  const earlier = new Date(now.getTime() - 5 * 60_000);
  it('locks an account after its own failures, until the oldest leaves the window', () => {
    const decision = decideLock({
      accountFailures: lockout.maxAccountFailures,
      accountOldest: earlier,
      addressAccounts: 1,
      addressOldest: earlier,
    });
    expect(decision).toEqual({
      locked: 'account',
      retryAt: new Date(earlier.getTime() + lockout.windowMinutes * 60_000),
    });
    if (decision.locked) expect(minutesUntil(decision.retryAt, now)).toBe(10);
  });
  it("never locks an address for one account's failures, only for many accounts'", () => {
    expect(
      decideLock({
        accountFailures: 0,
        accountOldest: null,
        addressAccounts: 1,
        addressOldest: earlier,
      }),
    ).toEqual({ locked: false });
    expect(
      decideLock({
        accountFailures: 0,
        accountOldest: null,
        addressAccounts: lockout.maxAddressAccounts,
        addressOldest: earlier,
      }),
    ).toMatchObject({ locked: 'address' });
  });
});

describe('text fields', () => {
  it('refuse control characters, keeping line breaks in multi-line fields', () => {
    expect(hasControlChars('Li\u0000Wei')).toBe(true);
    expect(hasControlChars('a\u0085b')).toBe(true);
    expect(hasControlChars('line\nbreak')).toBe(true);
    expect(hasControlChars('line\nbreak\ttab', true)).toBe(false);
    expect(hasControlChars('星岛日报 Sing Tao')).toBe(false);
    expect(requiredText(10).safeParse('a\u0007').success).toBe(false);
    expect(optionalText(10).parse('  ')).toBeNull();
  });
  it('are described by field and reason, unknown fields only counted', () => {
    const schema = z.object({ email: z.email(), name: requiredText(5) }).strict();
    const result = schema.safeParse({ email: 'no', name: 'toolong', ['x'.repeat(900)]: 1 });
    if (result.success) throw new Error('parsed');
    const problems = describeIssues(result.error.issues);
    expect(problems.unknownFields).toBe(1);
    expect(problems.fields).toEqual([
      { field: 'email', key: 'email', values: {} },
      { field: 'name', key: 'tooLong', values: { max: 5 } },
    ]);
    expect(JSON.stringify(problems)).not.toContain('xxx');
    const controls = describeIssues(
      (schema.safeParse({ email: 'a@b.co', name: 'a\u0000' }) as { error: z.ZodError }).error
        .issues,
    );
    expect(controls.fields).toEqual([{ field: 'name', key: 'controlChars', values: {} }]);
  });
});

describe('a failed query', () => {
  it('keeps its SQL and code but never its parameters', () => {
    const cause = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      code: '22021',
      params: ['$argon2id$v=19$secret-hash', 'P1234567'],
      query: 'insert into users ...',
    });
    const err = Object.assign(
      new Error(
        'Failed query: insert into users values ($1, $2)\nparams: $argon2id$v=19$secret-hash,P1234567',
      ),
      { params: ['$argon2id$v=19$secret-hash', 'P1234567'], cause },
    );
    const printed = inspect(scrubQueryError(err), { depth: 5 });
    expect(printed).toContain('insert into users values ($1, $2)');
    expect(printed).toContain('22021');
    expect(printed).not.toContain('secret-hash');
    expect(printed).not.toContain('P1234567');
  });
});

describe('passport numbers', () => {
  const env = { NODE_ENV: 'test', PASSPORT_KEY: Buffer.alloc(32, 1).toString('base64') };
  it('round-trip through AES-256-GCM, and a tampered value reads as nothing', () => {
    const ring = passportKeyring(env);
    const sealed = encryptPassport('E12345678', ring);
    expect(sealed).not.toContain('E12345678');
    expect(decryptPassport(sealed, ring)).toBe('E12345678');
    const tampered = `${sealed.slice(0, -2)}AA`;
    expect(decryptPassport(tampered, ring)).toBeNull();
    expect(maskPassport('E12345678')).toBe('••••••678');
  });
  it('still read with a rotated-out key listed in PASSPORT_KEYS_OLD, and want re-encrypting', () => {
    const old = passportKeyring(env);
    const sealed = encryptPassport('G7654321', old);
    const rotated = passportKeyring({
      NODE_ENV: 'test',
      PASSPORT_KEY: Buffer.alloc(32, 2).toString('base64'),
      PASSPORT_KEYS_OLD: env.PASSPORT_KEY,
    });
    expect(decryptPassport(sealed, rotated)).toBe('G7654321');
    expect(needsRekey(sealed, rotated)).toBe(true);
    expect(needsRekey(encryptPassport('G7654321', rotated), rotated)).toBe(false);
    const withoutOld = passportKeyring({
      NODE_ENV: 'test',
      PASSPORT_KEY: Buffer.alloc(32, 2).toString('base64'),
    });
    expect(decryptPassport(sealed, withoutOld)).toBeNull();
  });
});
