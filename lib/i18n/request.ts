import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { localeFromAcceptLanguage } from './accept-language';
import { isLocale, localeCookie } from './locales';

/** Feature catalogs kept beside the main one (messages/<name>/<locale>.json), each a namespace. */
export const featureCatalogs = [
  'admin',
  'board',
  'editing',
  'itinerary',
  'exports',
  'ops',
] as const;

// Each locale's merged catalog is built once: it is the same for every request.
const catalogs = new Map<string, Promise<Record<string, unknown>>>();

async function catalogOf(locale: string): Promise<Record<string, unknown>> {
  const features = await Promise.all(
    featureCatalogs.map(
      async (name) =>
        [name, (await import(`../../messages/${name}/${locale}.json`)).default] as const,
    ),
  );
  const main = (await import(`../../messages/${locale}.json`)).default as Record<string, object>;
  // A feature's catalog is its own namespace, added to whatever the main catalog has there.
  return {
    ...main,
    ...Object.fromEntries(features.map(([name, m]) => [name, { ...main[name], ...m }])),
  };
}

// No locale in the URL: the choice lives in a cookie, so shared links work in either language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  let messages = catalogs.get(locale);
  if (!messages) {
    messages = catalogOf(locale);
    catalogs.set(locale, messages);
    messages.catch(() => catalogs.delete(locale));
  }
  return {
    locale,
    messages: await messages,
    // Formatters without an explicit zone use the tour's home zone on server and client alike.
    timeZone: 'Asia/Shanghai',
  };
});
