'use client';

import { useActionState } from 'react';
import { regenerateFeedTokenAction } from '@/lib/actions/itinerary';

export interface FeedLabels {
  intro: string;
  confirm: string;
  submit: string;
  made: string;
  open: string;
}

/** Makes the journalist's private calendar address (or a new one): shown once, when made. */
export function FeedPanel({ labels, lang }: { labels: FeedLabels; lang: string }) {
  const [state, action, pending] = useActionState(regenerateFeedTokenAction, null);
  const address =
    state?.ok && typeof window !== 'undefined'
      ? `${window.location.origin}${state.data.path}?lang=${lang}`
      : null;
  const error =
    state && !state.ok ? (state.fieldErrors?.confirmed?.join(' ') ?? state.message) : '';
  return (
    <form action={action} className="it-feed">
      <p>{labels.intro}</p>
      <label className="it-check">
        <input type="checkbox" name="confirmed" value="yes" required aria-describedby="feed-msg" />
        {labels.confirm}
      </label>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {labels.submit}
      </button>
      <p id="feed-msg" role="alert" className="it-error">
        {error}
      </p>
      {address ? (
        <div role="status">
          <label htmlFor="feed-address">{labels.made}</label>
          <input
            id="feed-address"
            className="input"
            readOnly
            value={address}
            data-testid="feed-address"
          />
          <a href={address.replace(/^https?:/, 'webcal:')} className="export-link">
            {labels.open}
          </a>
        </div>
      ) : null}
    </form>
  );
}
