import {
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

// Reference data shared by every tour: edited in the app, never hard-coded in logic.

export const regions = pgTable('regions', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const countries = pgTable(
  'countries',
  {
    // ISO 3166-1 alpha-2, so imports can match "MY" or "Malaysia" alike.
    code: text('code').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
  },
  (t) => [index('countries_region_idx').on(t.regionId)],
);

export const cities = pgTable('cities', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  provinceZh: text('province_zh').notNull(),
  provinceEn: text('province_en').notNull(),
});

// Door-to-door minutes between two cities; stored once per unordered pair (city_a < city_b).
export const travelTimes = pgTable(
  'travel_times',
  {
    cityAId: uuid('city_a_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
    cityBId: uuid('city_b_id')
      .notNull()
      .references(() => cities.id, { onDelete: 'cascade' }),
    minutes: integer('minutes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityAId, t.cityBId] })],
);

export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cityId: uuid('city_id')
      .notNull()
      .references(() => cities.id),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    addressZh: text('address_zh'),
    addressEn: text('address_en'),
    capacity: integer('capacity'),
    hostContactName: text('host_contact_name'),
    hostContactPhone: text('host_contact_phone'),
    hostContactEmail: text('host_contact_email'),
    // Opening hours on the tour's wall clock; null means open around the clock.
    opensAt: time('opens_at'),
    closesAt: time('closes_at'),
    // ISO weekdays (1 = Monday) the site is closed every week.
    closedWeekdays: smallint('closed_weekdays').array().notNull().default([]),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    unique('sites_city_name_key').on(t.cityId, t.nameEn),
    index('sites_city_idx').on(t.cityId),
  ],
);

// Single days a site is closed (a holiday, a private event).
export const siteClosures = pgTable(
  'site_closures',
  {
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.date] })],
);
