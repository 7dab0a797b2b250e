import { DelegateProfile } from '@/components/delegates/delegate-profile';
import { getDelegate } from '@/lib/dal/delegates';
import { parseId, refuse } from '@/lib/dal/params';
import { requireViewer } from '@/lib/dal/viewer';

export default async function DelegatePage({
  params,
}: {
  params: Promise<{ tourId: string; delegateId: string }>;
}) {
  const viewer = await requireViewer();
  const { tourId, delegateId } = await params;
  const delegate = await getDelegate(viewer, parseId(tourId), parseId(delegateId));
  // Someone else's profile and a missing one look the same: 404.
  if (!delegate) return refuse(viewer, null);
  return <DelegateProfile delegate={delegate} />;
}
