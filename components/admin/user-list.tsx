import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { AdminUser } from '@/lib/dal/users/list';
import { dateKeyOf, formatDate } from '@/lib/time';
import { CoordinatorTours } from './coordinator-tours';
import { UserActions } from './user-actions';

/** One page of accounts as a table; on a phone each row stacks into a card. */
export function UserList({ users, viewerId }: { users: AdminUser[]; viewerId: string }) {
  const t = useTranslations('admin');
  const locale = useLocale();
  if (users.length === 0) return null;
  return (
    <table className="data-table" aria-label={t('users.title')}>
      <thead>
        <tr>
          <th scope="col">{t('create.email')}</th>
          <th scope="col">{t('create.role')}</th>
          <th scope="col">{t('users.details')}</th>
          <th scope="col">{t('users.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-testid="user">
            <td>
              <strong>{u.displayName ?? u.email}</strong>{' '}
              {u.disabled ? <Badge tone="danger">{t('users.disabled')}</Badge> : null}
              {u.id === viewerId ? <Badge tone="brand">{t('users.you')}</Badge> : null}
              <span className="block">{u.email}</span>
              <span className="alt block">
                {t('users.created', {
                  date: formatDate(dateKeyOf(u.createdAt, 'Asia/Shanghai'), locale),
                })}
              </span>
            </td>
            <td>{t(`roles.${u.role}`)}</td>
            <td>
              {u.journalist ? (
                <>
                  <BilingualName
                    zh={u.journalist.nameZh}
                    en={u.journalist.nameEn}
                    locale={locale}
                  />
                  {u.journalist.outletZh || u.journalist.outletEn ? (
                    <span className="block">
                      <BilingualName
                        zh={u.journalist.outletZh}
                        en={u.journalist.outletEn}
                        locale={locale}
                      />
                    </span>
                  ) : null}
                  <span className="alt block">
                    <BilingualName
                      zh={u.journalist.tourZh}
                      en={u.journalist.tourEn}
                      locale={locale}
                    />
                  </span>
                </>
              ) : u.role === 'coordinator' ? (
                <CoordinatorTours userId={u.id} email={u.email} assigned={u.tours} />
              ) : null}
            </td>
            <td>
              {u.id === viewerId ? (
                t('users.selfNote')
              ) : (
                <UserActions
                  user={{
                    id: u.id,
                    email: u.email,
                    displayName: u.displayName,
                    disabled: u.disabled,
                    role: u.role,
                  }}
                />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
