import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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
    // A journalist account belongs to one delegate, and so to that delegate's tour.
    tourId: uuid('tour_id').references(() => tours.id, { onDelete: 'cascade' }),
    delegateId: uuid('delegate_id'),
    disabled: boolean('disabled').notNull().default(false),
    // Bumped on password change or disabling; a session carrying an older value is refused.
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_delegate_key').on(t.delegateId),
    foreignKey({
      name: 'users_delegate_fk',
      columns: [t.tourId, t.delegateId],
      foreignColumns: [delegates.tourId, delegates.id],
    }).onDelete('cascade'),
  ],
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
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_tour_idx').on(t.tourId, t.at)],
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
