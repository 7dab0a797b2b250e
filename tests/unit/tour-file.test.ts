import { describe, expect, it } from 'vitest';
import { tourFileProblem, tourFileSchema } from '../../lib/validation/tour-file';

const base = {
  format: 'tourdesk-tour',
  version: 1,
  exportedAt: '2026-05-01T00:00:00.000Z',
  tour: {
    nameZh: '测试',
    nameEn: 'Test',
    startDate: '2026-05-01',
    endDate: '2026-05-03',
    timeZone: 'Asia/Shanghai',
    isSample: false,
    archivedAt: null,
    transferBufferMinutes: 30,
    maxDayMinutes: 720,
    minRestMinutes: 600,
    lunchStart: '11:30:00',
    lunchEnd: '14:00:00',
    dinnerStart: '17:30:00',
    dinnerEnd: '21:00:00',
    maxThemesPerOutlet: 3,
  },
  regions: [{ code: 'asia', nameZh: '亚洲', nameEn: 'Asia', sortOrder: 1 }],
  countries: [{ code: 'MY', nameZh: '马来西亚', nameEn: 'Malaysia', regionCode: 'asia' }],
  cities: [],
  sites: [],
  outlets: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      nameZh: '星洲日报',
      nameEn: 'Sin Chew Daily',
      countryCode: 'MY',
      mediaType: 'newspaper',
      website: null,
      searchText: 'sin chew',
      archivedAt: null,
    },
  ],
  coverageThemes: [],
  outletThemes: [],
  delegates: [],
  groups: [],
  groupMembers: [],
  visits: [],
  visitGroups: [],
};

describe('a tour file', () => {
  it('is read when whole and consistent', () => {
    const file = tourFileSchema.parse(base);
    expect(tourFileProblem(file)).toBeNull();
  });

  it('is refused with an unknown field, a control character, or plain passport numbers', () => {
    expect(tourFileSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    const nul = structuredClone(base);
    nul.tour.nameEn = 'Te\u0000st';
    expect(tourFileSchema.safeParse(nul).success).toBe(false);
    expect(tourFileSchema.safeParse({ ...base, format: 'something-else' }).success).toBe(false);
    const delegate = {
      id: '00000000-0000-4000-8000-000000000002',
      outletId: base.outlets[0]?.id,
      nameZh: null,
      nameEn: 'Tan Mei Ling',
      passportName: 'TAN MEI LING',
      role: 'journalist',
      sex: null,
      phone: null,
      email: null,
      pressCard: null,
      dietaryNeeds: null,
      accessNeeds: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
      arrivesAt: null,
      departsAt: null,
      passportNumberEnc: 'v1.abcd1234.iv.tag.data',
      passportExpiry: null,
      nationality: 'MY',
      dateOfBirth: null,
      searchText: 'tan mei ling',
      archivedAt: null,
      updatedAt: '2026-05-01T00:00:00.000Z',
    };
    expect(tourFileSchema.safeParse({ ...base, delegates: [delegate] }).success).toBe(true);
    const plain = { ...delegate, passportNumberEnc: 'A12345678' };
    expect(tourFileSchema.safeParse({ ...base, delegates: [plain] }).success).toBe(false);
  });

  it('names ids that clash and references to rows it does not hold', () => {
    const clash = tourFileSchema.parse({
      ...base,
      coverageThemes: [{ id: base.outlets[0]?.id, nameZh: '经济', nameEn: 'Economy' }],
    });
    expect(tourFileProblem(clash)).toMatch(/used twice/);
    const dangling = tourFileSchema.parse({
      ...base,
      outletThemes: [
        {
          outletId: base.outlets[0]?.id,
          themeId: '00000000-0000-4000-8000-000000000009',
        },
      ],
    });
    expect(tourFileProblem(dangling)).toMatch(/theme the file does not hold/);
    const noCountry = tourFileSchema.parse({ ...base, countries: [] });
    expect(tourFileProblem(noCountry)).toMatch(/country the file does not hold/);
  });
});
