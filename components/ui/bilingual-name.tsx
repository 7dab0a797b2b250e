import { cn } from '@/lib/cn';
import { htmlLang, isChinese, zhLang } from '@/lib/i18n/locales';

/**
 * A name in the reader's language with the other script beside it, each marked with its
 * language so a screen reader pronounces both correctly.
 */
export function BilingualName({
  zh,
  en,
  locale,
  className,
  secondaryClassName,
}: {
  zh: string | null | undefined;
  en: string | null | undefined;
  locale: string;
  className?: string;
  secondaryClassName?: string;
}) {
  const zhFirst = isChinese(locale);
  const primary = zhFirst ? (zh ?? en) : (en ?? zh);
  const primaryLang = primary === zh ? zhLang(locale) : htmlLang.en;
  const secondary = primary === zh ? en : zh;
  const secondaryLang = primary === zh ? htmlLang.en : zhLang(locale);
  return (
    <span className={className}>
      <span lang={primaryLang}>{primary}</span>
      {secondary && secondary !== primary ? (
        <>
          {' '}
          <span lang={secondaryLang} className={cn('other-script', secondaryClassName)}>
            {secondary}
          </span>
        </>
      ) : null}
    </span>
  );
}
