import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('tours_dates_ordered', sql`${t.endDate} >= ${t.startDate}`)],
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
