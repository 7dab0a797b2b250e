import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { delegates } from './people';
import { tours } from './tours';

export const userRoles = ['organizer', 'coordinator', 'journalist'] as const;
export const userRoleEnum = pgEnum('user_role', userRoles);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name'),
    passwordHash: text('password_hash').notNull(),
    role: userRoleEnum('role').notNull(),
    // A journalist account belongs to one delegate, and so to that delegate's tour. Neither may be
    // deleted from under it: tours are archived, delegates archived or refused.
    tourId: uuid('tour_id').references(() => tours.id, { onDelete: 'restrict' }),
    delegateId: uuid('delegate_id'),
    disabled: boolean('disabled').notNull().default(false),
    // The calendar feed's secret, as a SHA-256 hash: the address itself is never stored.
    feedTokenHash: text('feed_token_hash'),
    // When the journalist last opened their itinerary, and the time before: what changed since.
    itinerarySeenAt: timestamp('itinerary_seen_at', { withTimezone: true }),
    itineraryPrevSeenAt: timestamp('itinerary_prev_seen_at', { withTimezone: true }),
    // Email and display name folded to one script and case (lib/search.ts).
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_delegate_key').on(t.delegateId),
    uniqueIndex('users_feed_token_key').on(t.feedTokenHash),
    foreignKey({
      name: 'users_delegate_fk',
      columns: [t.tourId, t.delegateId],
      foreignColumns: [delegates.tourId, delegates.id],
    }).onDelete('restrict'),
    // A journalist has a tour and a delegate; nobody else has either.
    check(
      'users_journalist_link',
      sql`(${t.role} = 'journalist') = (${t.tourId} is not null and ${t.delegateId} is not null) and (${t.tourId} is null) = (${t.delegateId} is null)`,
    ),
  ],
);

// One row per sign-in: the session cookie names it, and signing out, a password change or
// disabling the account revokes it, so a copied cookie dies with the session it came from.
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

// Which tours a coordinator may edit.
export const tourStaff = pgTable(
  'tour_staff',
  {
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tourId, t.userId] }), index('tour_staff_user_idx').on(t.userId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    tourId: uuid('tour_id').references(() => tours.id, { onDelete: 'set null' }),
    target: text('target'),
    detail: jsonb('detail'),
    ip: text('ip'),
    // Repeated refusals from one caller are folded into one entry: how many, and the last one.
    count: integer('count').notNull().default(1),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_tour_idx').on(t.tourId, t.at),
    index('audit_log_target_idx').on(t.target, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_user_idx').on(t.userId, t.at),
  ],
);

// Sign-in attempts, in the database so that every app instance counts the same failures.
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.at),
    index('login_attempts_ip_idx').on(t.ip, t.at),
  ],
);

// The column mapping a person chose for an import, offered again for their next file.
export const importMappings = pgTable(
  'import_mappings',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    mapping: jsonb('mapping').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
