import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, verifyPassword } from '../../lib/auth/password';
import {
  canReadDelegate,
  canSeeSensitive,
  canWorkOnTour,
  type Viewer,
} from '../../lib/auth/permissions';
import { authSecret } from '../../lib/auth/secret';

const base = {
  email: 'x@example.com',
  displayName: null,
  tourId: null,
  delegateId: null,
  sessionId: 's',
};
const organizer: Viewer = { ...base, userId: 'o', role: 'organizer', staffTourIds: [] };
const coordinator: Viewer = { ...base, userId: 'c', role: 'coordinator', staffTourIds: ['t1'] };
const journalist: Viewer = {
  ...base,
  userId: 'j',
  role: 'journalist',
  staffTourIds: [],
  tourId: 't1',
  delegateId: 'd1',
};

describe('who may work on a tour', () => {
  it('lets organizers work on every tour and coordinators on theirs only', () => {
    expect(canWorkOnTour(organizer, 't2')).toBe(true);
    expect(canWorkOnTour(coordinator, 't1')).toBe(true);
    expect(canWorkOnTour(coordinator, 't2')).toBe(false);
    expect(canWorkOnTour(journalist, 't1')).toBe(false);
  });

  it('lets a journalist read only their own delegate profile', () => {
    expect(canReadDelegate(journalist, 't1', 'd1')).toBe(true);
    expect(canReadDelegate(journalist, 't1', 'd2')).toBe(false);
    expect(canReadDelegate(journalist, 't2', 'd1')).toBe(false);
    expect(canReadDelegate(coordinator, 't1', 'd2')).toBe(true);
  });

  it('shows passport numbers to organizers only', () => {
    expect(canSeeSensitive(organizer)).toBe(true);
    expect(canSeeSensitive(coordinator)).toBe(false);
    expect(canSeeSensitive(journalist)).toBe(false);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and keeps every character of a long Chinese passphrase', async () => {
    const passphrase = '重庆火锅八度空间'.repeat(10); // 80 characters, 240 bytes
    const stored = await hashPassword(passphrase);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, passphrase)).toBe(true);
    expect(await verifyPassword(stored, `${passphrase.slice(0, -1)}锅`)).toBe(false);
  });

  it('generates distinct, readable passwords', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(a).not.toMatch(/[01OIl]/);
    expect(generatePassword()).not.toBe(a);
  });
});

describe('the session secret', () => {
  it('is generated once beside the embedded database and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tourdesk-secret-'));
    const env = { PGLITE_DIR: join(dir, 'db'), NODE_ENV: 'production' };
    const first = authSecret(env);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(authSecret(env)).toBe(first);
    expect(readFileSync(join(dir, 'db.auth-secret'), 'utf8')).toBe(first);
  });

  it('fails closed on a Postgres server in production, naming the setting', () => {
    const server = { DATABASE_URL: 'postgres://x@h/db', NODE_ENV: 'production' };
    expect(() => authSecret(server)).toThrow(/^NEXTAUTH_SECRET: is not set/);
    expect(() => authSecret({ ...server, NEXTAUTH_SECRET: 'short' })).toThrow(
      /^NEXTAUTH_SECRET: is 5 characters/,
    );
    const good = 'x'.repeat(40);
    expect(authSecret({ ...server, NEXTAUTH_SECRET: good })).toBe(good);
  });
});
