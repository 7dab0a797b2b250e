'use client';

import { useErrorReference } from '@/components/layout/error-reference';

// Replaces the root layout when that itself fails, so no message catalog is loaded: both
// languages, side by side.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const ref = useErrorReference(error.digest);
  return (
    <html lang="en">
      <body
        style={{ fontFamily: 'system-ui, sans-serif', padding: '3rem 1rem', textAlign: 'center' }}
      >
        <main role="alert">
          <h1>Something went wrong · 出错了</h1>
          <p>The page could not be shown. Try again in a moment. · 页面无法显示，请稍后再试。</p>
          {ref ? (
            <p data-testid="error-ref">
              If you report this, quote reference {ref}. · 如需报告，请提供编号 {ref}。
            </p>
          ) : null}
          <button type="button" onClick={reset} style={{ minHeight: 44, padding: '0 1rem' }}>
            Try again · 重试
          </button>
        </main>
      </body>
    </html>
  );
}
