import {
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
import { outlets, tours } from './tours';

export const delegateRoles = [
  'journalist',
  'photographer',
  'editor',
  'camera_operator',
  'other',
] as const;
export const delegateRoleEnum = pgEnum('delegate_role', delegateRoles);

export const sexes = ['female', 'male', 'other'] as const;
export const sexEnum = pgEnum('sex', sexes);

export const delegates = pgTable(
  'delegates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    outletId: uuid('outlet_id').notNull(),
    nameZh: text('name_zh'),
    nameEn: text('name_en'),
    // Exactly as printed in the passport's machine-readable zone; what host security checks.
    passportName: text('passport_name').notNull(),
    role: delegateRoleEnum('role').notNull().default('journalist'),
    sex: sexEnum('sex'),
    phone: text('phone'),
    email: text('email'),
    pressCard: text('press_card'),
    dietaryNeeds: text('dietary_needs'),
    accessNeeds: text('access_needs'),
    emergencyContactName: text('emergency_contact_name'),
    emergencyContactPhone: text('emergency_contact_phone'),
    // Their own travel, when it differs from the tour's dates (late arrival, early departure).
    arrivesAt: timestamp('arrives_at', { withTimezone: true }),
    departsAt: timestamp('departs_at', { withTimezone: true }),
    // Sensitive: only organizers read these, through the data-access layer. The passport number
    // is stored encrypted (AES-256-GCM, lib/crypto/passport.ts), never as the plain number.
    passportNumberEnc: text('passport_number_enc'),
    passportExpiry: date('passport_expiry'),
    nationality: text('nationality').references(() => countries.code),
    dateOfBirth: date('date_of_birth'),
    // Every name folded to one script and case (lib/search.ts), so SQL can match either script.
    searchText: text('search_text').notNull().default(''),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'delegates_outlet_fk',
      columns: [t.tourId, t.outletId],
      foreignColumns: [outlets.tourId, outlets.id],
    }).onDelete('cascade'),
    index('delegates_tour_outlet_idx').on(t.tourId, t.outletId),
    index('delegates_outlet_idx').on(t.outletId),
    index('delegates_tour_name_idx').on(t.tourId, t.passportName),
    unique('delegates_tour_id_id_key').on(t.tourId, t.id),
  ],
);

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tourId: uuid('tour_id')
      .notNull()
      .references(() => tours.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    // The coach the group travels in unless a visit says otherwise.
    vehicle: text('vehicle'),
  },
  (t) => [
    unique('groups_tour_code_key').on(t.tourId, t.code),
    unique('groups_tour_id_id_key').on(t.tourId, t.id),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    tourId: uuid('tour_id').notNull(),
    groupId: uuid('group_id').notNull(),
    delegateId: uuid('delegate_id').notNull(),
    seat: text('seat'),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.delegateId] }),
    // A delegate travels with one group at a time.
    unique('group_members_tour_delegate_key').on(t.tourId, t.delegateId),
    foreignKey({
      name: 'group_members_group_fk',
      columns: [t.tourId, t.groupId],
      foreignColumns: [groups.tourId, groups.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'group_members_delegate_fk',
      columns: [t.tourId, t.delegateId],
      foreignColumns: [delegates.tourId, delegates.id],
    }).onDelete('cascade'),
    index('group_members_delegate_idx').on(t.delegateId),
  ],
);
