import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { groups } from './people';
import { cities, sites } from './reference';
import { tours } from './tours';

export const visitKinds = [
  'site_visit',
  'interview',
  'forum',
  'meal',
  'transfer',
  'free_time',
  'other',
] as const;
export const visitKindEnum = pgEnum('visit_kind', visitKinds);

export const transportModes = ['coach', 'train', 'flight', 'car', 'boat', 'walk', 'other'] as const;
export const transportModeEnum = pgEnum('transport_mode', transportModes);

/** Postgres tstzrange, kept as its text form; only the database reads it (the exclusion constraint). */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    kind: visitKindEnum('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    // Where the visit takes place; for a transfer, where it arrives.
    cityId: uuid('city_id').references(() => cities.id),
    // Only for transfers: where it departs from.
    fromCityId: uuid('from_city_id').references(() => cities.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    // For journalists, in both languages: what to bring, dress code.
    notesZh: text('notes_zh'),
    notesEn: text('notes_en'),
    transportMode: transportModeEnum('transport_mode'),
    vehicle: text('vehicle'),
    // The host's person for this visit; the site's contact when empty.
    hostContactName: text('host_contact_name'),
    hostContactPhone: text('host_contact_phone'),
    escortName: text('escort_name'),
    escortPhone: text('escort_phone'),
    cancelled: boolean('cancelled').notNull().default(false),
    // Grows with every change: stale saves are refused, and calendars see a new SEQUENCE.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    check('visits_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    index('visits_tour_starts_idx').on(t.tourId, t.startsAt),
    index('visits_site_idx').on(t.siteId),
    unique('visits_tour_id_id_key').on(t.tourId, t.id),
  ],
);

export const visitGroups = pgTable(
  'visit_groups',
  {
    tourId: uuid('tour_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    groupId: uuid('group_id').notNull(),
    // Copies of the visit's time range and state, kept by triggers (0004_visit_rules.sql) so
    // one exclusion constraint can forbid a group from being in two places at once.
    during: tstzrange('during'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.groupId] }),
    foreignKey({
      name: 'visit_groups_visit_fk',
      columns: [t.tourId, t.visitId],
      foreignColumns: [visits.tourId, visits.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'visit_groups_group_fk',
      columns: [t.tourId, t.groupId],
      foreignColumns: [groups.tourId, groups.id],
    }).onDelete('cascade'),
    index('visit_groups_group_idx').on(t.groupId),
    index('visit_groups_tour_idx').on(t.tourId),
  ],
);
