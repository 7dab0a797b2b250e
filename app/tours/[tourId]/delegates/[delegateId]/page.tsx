import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { DelegateProfile } from '@/components/delegates/delegate-profile';
import { getDelegate } from '@/lib/dal/delegates';
import { refuse } from '@/lib/dal/guards';
import { isUuid, selfScope, tourScope } from '@/lib/dal/scope';
import { requireViewer } from '@/lib/dal/viewer';
import { shownInScript } from '@/lib/i18n/script';

export default async function DelegatePage({
  params,
}: {
  params: Promise<{ tourId: string; delegateId: string }>;
}) {
  const viewer = await requireViewer();
  const { tourId, delegateId } = await params;
  // The tour's staff, or the delegate themself in their own tour; nobody else.
  const own = selfScope(viewer);
  const scope = tourScope(viewer, tourId) ?? (own?.tourId === tourId ? own : null);
  const delegate = scope && isUuid(delegateId) ? await getDelegate(scope, delegateId) : null;
  // Someone else's profile and a missing one look the same: 404.
  if (!delegate) return refuse(viewer);
  const staff = tourScope(viewer, tourId);
  const [t, tIt, locale] = await Promise.all([
    getTranslations('editing'),
    getTranslations('itinerary'),
    getLocale(),
  ]);
  return (
    <>
      {staff ? (
        <p className="mb-3 flex flex-wrap gap-2">
          <Link
            href={`/tours/${staff.tourId}/delegates/${delegateId}/edit`}
            className="btn-secondary"
          >
            {t('delegates.edit')}
          </Link>
          <Link
            href={`/tours/${staff.tourId}/delegates/${delegateId}/itinerary`}
            prefetch={false}
            className="btn-secondary"
          >
            {tIt('viewAs')}
          </Link>
        </p>
      ) : null}
      <DelegateProfile delegate={shownInScript(locale, delegate)} />
    </>
  );
}
