import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { BilingualName } from '@/components/ui/bilingual-name';
import type { Role } from '@/lib/auth/permissions';
import { dateKeyOf, formatDate } from '@/lib/time';
import { CoordinatorTours } from './coordinator-tours';
import type { TourOption } from './create-user-form';
import { UserActions } from './user-actions';

export interface UserListItem {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  journalist: {
    tourZh: string | null;
    tourEn: string | null;
    nameZh: string | null;
    nameEn: string | null;
    outletZh: string | null;
    outletEn: string | null;
  } | null;
  tours: TourOption[];
}

const sections: Role[] = ['organizer', 'coordinator', 'journalist'];

/** Every account, one section per role; cards that stack on a phone. */
export function UserList({
  users,
  tours,
  viewerId,
}: {
  users: UserListItem[];
  tours: TourOption[];
  viewerId: string;
}) {
  const t = useTranslations('admin');
  const locale = useLocale();
  return (
    <>
      {sections.map((role) => {
        const members = users.filter((u) => u.role === role);
        return (
          <section key={role} aria-labelledby={`users-${role}`} className="mb-8">
            <h2 id={`users-${role}`} className="mb-2 text-lg font-semibold">
              {t(`users.sections.${role}`)}{' '}
              <span className="font-normal text-gray-700">({members.length})</span>
            </h2>
            {members.length === 0 ? (
              <p className="text-sm text-gray-700">{t('users.empty')}</p>
            ) : (
              <ul className="grid gap-2">
                {members.map((u) => (
                  <li
                    key={u.id}
                    data-testid="user"
                    className="grid gap-3 rounded-lg border border-gray-200 bg-white p-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
                  >
                    <div className="min-w-0">
                      <h3 className="flex flex-wrap items-center gap-2 font-semibold wrap-anywhere">
                        <span className="min-w-0">{u.displayName ?? u.email}</span>
                        {u.disabled ? <Badge tone="danger">{t('users.disabled')}</Badge> : null}
                        {u.id === viewerId ? <Badge tone="brand">{t('users.you')}</Badge> : null}
                      </h3>
                      <p className="text-sm wrap-anywhere text-gray-800">{u.email}</p>
                      {u.journalist ? (
                        <p className="mt-1 text-sm text-gray-800">
                          <span className="text-gray-700">{t('users.delegate')}: </span>
                          <BilingualName
                            zh={u.journalist.nameZh}
                            en={u.journalist.nameEn}
                            locale={locale}
                          />
                          {u.journalist.outletZh || u.journalist.outletEn ? (
                            <>
                              {' · '}
                              <BilingualName
                                zh={u.journalist.outletZh}
                                en={u.journalist.outletEn}
                                locale={locale}
                              />
                            </>
                          ) : null}
                          <span className="block text-gray-700">
                            <span>{t('users.tour')}: </span>
                            <BilingualName
                              zh={u.journalist.tourZh}
                              en={u.journalist.tourEn}
                              locale={locale}
                            />
                          </span>
                        </p>
                      ) : null}
                      <p className="mt-1 text-sm text-gray-700">
                        {t('users.created', {
                          date: formatDate(dateKeyOf(u.createdAt, 'Asia/Shanghai'), locale),
                        })}
                      </p>
                    </div>
                    <div className="grid min-w-0 content-start gap-3">
                      {u.role === 'coordinator' ? (
                        <CoordinatorTours
                          userId={u.id}
                          email={u.email}
                          assigned={u.tours}
                          tours={tours}
                        />
                      ) : null}
                      <UserActions
                        user={{
                          id: u.id,
                          email: u.email,
                          displayName: u.displayName,
                          disabled: u.disabled,
                        }}
                        isSelf={u.id === viewerId}
                      />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
