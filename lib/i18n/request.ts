import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, localeCookie, localeFromAcceptLanguage } from './locales';

// No locale in the URL: the choice lives in a cookie, so shared links work in either language.
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(localeCookie)?.value;
  const locale = isLocale(chosen)
    ? chosen
    : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return {
    locale,
    messages: {
      ...(await import(`../../messages/${locale}.json`)).default,
      // The organizers' screens keep their own catalog, loaded beside the main one.
      admin: (await import(`../../messages/admin/${locale}.json`)).default,
    },
    // Formatters without an explicit zone use the tour's home zone on server and client alike.
    timeZone: 'Asia/Shanghai',
  };
});
