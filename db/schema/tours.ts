import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { countries } from './reference';

export const tours = pgTable(
  'tours',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull().unique(),
    // Calendar dates in the tour's own zone; instants live on visits.
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    isSample: boolean('is_sample').notNull().default(false),
    // Tours are archived, never deleted: accounts, exports and the audit log point at them.
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    // Scheduling rules the board warns about (never hard limits: a coordinator may save anyway).
    transferBufferMinutes: integer('transfer_buffer_minutes').notNull().default(30),
    maxDayMinutes: integer('max_day_minutes').notNull().default(720),
    minRestMinutes: integer('min_rest_minutes').notNull().default(600),
    lunchStart: time('lunch_start').notNull().default('11:30'),
    lunchEnd: time('lunch_end').notNull().default('14:00'),
    dinnerStart: time('dinner_start').notNull().default('17:30'),
    dinnerEnd: time('dinner_end').notNull().default('21:00'),
    maxThemesPerOutlet: integer('max_themes_per_outlet').notNull().default(3),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('tours_dates_ordered', sql`${t.endDate} >= ${t.startDate}`),
    check(
      'tours_settings_sane',
      sql`${t.transferBufferMinutes} between 0 and 600 and ${t.maxDayMinutes} between 60 and 1440 and ${t.minRestMinutes} between 0 and 1440 and ${t.maxThemesPerOutlet} between 1 and 50 and ${t.lunchEnd} > ${t.lunchStart} and ${t.dinnerEnd} > ${t.dinnerStart}`,
    ),
  ],
);

export const mediaTypes = [
  'newspaper',
  'television',
  'radio',
  'online',
  'magazine',
  'news_agency',
] as const;
export const mediaTypeEnum = pgEnum('media_type', mediaTypes);

export const outlets = pgTable(
  'outlets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    countryCode: text('country_code')
      .notNull()
      .references(() => countries.code),
    mediaType: mediaTypeEnum('media_type').notNull(),
    website: text('website'),
    // Both names folded to one script and case (lib/search.ts), so SQL can match either script.
    searchText: text('search_text').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('outlets_tour_idx').on(t.tourId, t.nameEn),
    index('outlets_country_idx').on(t.countryCode),
    // Lets child tables reference (tour_id, id) so a row can never point into another tour.
    unique('outlets_tour_id_id_key').on(t.tourId, t.id),
  ],
);

export const coverageThemes = pgTable(
  'coverage_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [unique('coverage_themes_tour_id_id_key').on(t.tourId, t.id)],
);

export const outletThemes = pgTable(
  'outlet_themes',
  {
    tourId: uuid('tour_id').notNull(),
    outletId: uuid('outlet_id').notNull(),
    themeId: uuid('theme_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.outletId, t.themeId] }),
    foreignKey({
      name: 'outlet_themes_outlet_fk',
      columns: [t.tourId, t.outletId],
      foreignColumns: [outlets.tourId, outlets.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'outlet_themes_theme_fk',
      columns: [t.tourId, t.themeId],
      foreignColumns: [coverageThemes.tourId, coverageThemes.id],
    }).onDelete('cascade'),
    index('outlet_themes_theme_idx').on(t.themeId),
    index('outlet_themes_tour_idx').on(t.tourId),
  ],
);
