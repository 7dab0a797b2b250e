import { useLocale, useTranslations } from 'next-intl';
import type { DelegateListRow } from '@/lib/dal/delegates';
import { htmlLang } from '@/lib/i18n/locales';

/** One page of delegates as a table: name (both scripts), role and group, outlet, contact. */
export function DelegateList({
  tourId,
  delegates,
}: {
  tourId: string;
  delegates: DelegateListRow[];
}) {
  const t = useTranslations('delegates');
  const tRole = useTranslations('delegateRole');
  const zhFirst = useLocale().startsWith('zh');
  const names = (zh: string | null, en: string | null) => {
    const [first, second] = zhFirst ? [zh ?? en, zh ? en : null] : [en ?? zh, en ? zh : null];
    const firstLang = first === zh ? htmlLang.zh : htmlLang.en;
    return { first, second, firstLang, secondLang: firstLang === 'en' ? htmlLang.zh : 'en' };
  };
  if (delegates.length === 0) return null;
  return (
    <table className="data-table" aria-label={t('title')}>
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('role')}</th>
          <th scope="col">{t('outlet')}</th>
          <th scope="col">{t('phone')}</th>
          <th scope="col">{t('passportMasked')}</th>
        </tr>
      </thead>
      <tbody>
        {delegates.map((d) => {
          const person = names(d.nameZh, d.nameEn ?? d.passportName);
          const outlet = names(d.outletZh, d.outletEn);
          return (
            // Plain links: fifty client-side Links would each be hydrated and prefetched for a
            // page a coordinator opens one of.
            <tr key={d.id} data-testid="delegate">
              <td>
                <a href={`/tours/${tourId}/delegates/${d.id}`} lang={person.firstLang}>
                  {person.first}
                </a>
                {person.second ? (
                  <>
                    {' '}
                    <span className="alt" lang={person.secondLang}>
                      {person.second}
                    </span>
                  </>
                ) : null}
              </td>
              <td>
                {tRole(d.role)}
                {d.groupCode ? ` · ${t('group')} ${d.groupCode}` : ''}
              </td>
              <td>
                <span lang={outlet.firstLang}>{outlet.first}</span>
                {outlet.second ? (
                  <>
                    {' '}
                    <span className="alt" lang={outlet.secondLang}>
                      {outlet.second}
                    </span>
                  </>
                ) : null}
              </td>
              <td>{d.phone}</td>
              <td className="font-mono" data-testid="passport">
                {d.passportMasked}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
