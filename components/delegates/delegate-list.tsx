'use client';

import type { DelegateListRow } from '@/lib/dal/delegates';
import { htmlLang } from '@/lib/i18n/locales';

export interface DelegateListLabels {
  title: string;
  name: string;
  role: string;
  outlet: string;
  phone: string;
  passportMasked: string;
  /** "Group A": the word before a group's code. */
  group: string;
  roles: Record<DelegateListRow['role'], string>;
}

/**
 * One page of delegates as a table: name (both scripts), role and group, outlet, contact. A client
 * component on purpose: the rows travel once as data rather than as markup in the HTML and again
 * in the page's server-component payload, which halves what fifty rows cost to send.
 */
export function DelegateList({
  tourId,
  delegates,
  labels,
  zhFirst,
  zhLang = htmlLang.zh,
}: {
  tourId: string;
  delegates: DelegateListRow[];
  labels: DelegateListLabels;
  zhFirst: boolean;
  /** The tag of the Chinese names as sent: they come converted to the reader's script. */
  zhLang?: string;
}) {
  const names = (zh: string | null, en: string | null) => {
    const [first, second] = zhFirst ? [zh ?? en, zh ? en : null] : [en ?? zh, en ? zh : null];
    const firstLang = first === zh ? zhLang : htmlLang.en;
    return { first, second, firstLang, secondLang: firstLang === 'en' ? zhLang : 'en' };
  };
  if (delegates.length === 0) return null;
  return (
    <table className="data-table" aria-label={labels.title}>
      <thead>
        <tr>
          <th scope="col">{labels.name}</th>
          <th scope="col">{labels.role}</th>
          <th scope="col">{labels.outlet}</th>
          <th scope="col">{labels.phone}</th>
          <th scope="col">{labels.passportMasked}</th>
        </tr>
      </thead>
      <tbody>
        {delegates.map((d) => {
          const person = names(d.nameZh, d.nameEn ?? d.passportName);
          const outlet = names(d.outletZh, d.outletEn);
          return (
            // Plain links: fifty client-side Links would each be prefetched for a page a
            // coordinator opens one of.
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
                {labels.roles[d.role]}
                {d.groupCode ? ` · ${labels.group} ${d.groupCode}` : ''}
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
