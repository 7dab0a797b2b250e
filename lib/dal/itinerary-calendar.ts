import 'server-only';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { exportFileName } from '@/lib/exports/file-name';
import { contentTypes, textResponse } from '@/lib/exports/http';
import { pick } from '@/lib/exports/labels';
import { programmeCalendar } from '@/lib/exports/programme';
import { shownInScript } from '@/lib/i18n/script';
import { queryOwnItinerary } from './itinerary';
import type { SelfScope } from './scope';

// A journalist's itinerary as a calendar: the download (signed in) and the subscription feed
// (by its secret address) are the same file, its Chinese in the reader's script. The builder
// leaves out phones and people.

async function calendarOf(scope: SelfScope, locale: string) {
  const itinerary = shownInScript(locale, await queryOwnItinerary(await getDb(), scope));
  if (!itinerary) return null;
  const t = await getTranslations({ locale, namespace: 'itinerary' });
  const tourName = pick(locale, itinerary.tour.nameZh, itinerary.tour.nameEn);
  const name = `${t('title')} · ${tourName}`;
  const text = programmeCalendar({
    tourName: name,
    visits: itinerary.visits,
    locale,
    timeZone: itinerary.tour.timeZone,
    host: 'tourdesk',
  });
  return { text, name };
}

/** The download: a file named after the itinerary. */
export async function itineraryCalendarFile(scope: SelfScope, locale: string) {
  const cal = await calendarOf(scope, locale);
  if (!cal) return null;
  return textResponse(cal.text, 'ics', exportFileName([cal.name], 'ics'));
}

/** The feed: the same calendar, shown rather than saved, for calendar apps that poll it. */
export async function itineraryCalendarFeed(scope: SelfScope, locale: string) {
  const cal = await calendarOf(scope, locale);
  if (!cal) return null;
  return new Response(cal.text, {
    headers: {
      'Content-Type': contentTypes.ics,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
