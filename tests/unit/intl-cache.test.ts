import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ComponentProps, createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, expect, it } from 'vitest';

// scripts/patch-next-intl.mjs (postinstall): the message provider that renders client components
// on the server keeps what it parsed and built between requests. The production build is the one
// patched and the one the server runs, so it is loaded by its path.
const providerFile = join(__dirname, '../../node_modules/use-intl/dist/esm/production/react.js');
const { IntlProvider, useTranslations }: typeof import('use-intl') = await import(
  pathToFileURL(providerFile).href
);
function Block({ count }: { count: number }) {
  return useTranslations('board')('warnings', { count });
}
const RealPluralRules = Intl.PluralRules;
const setPluralRules = (value: typeof Intl.PluralRules) =>
  Object.defineProperty(Intl, 'PluralRules', { value, configurable: true, writable: true });
afterEach(() => {
  setPluralRules(RealPluralRules);
});

it('a second request formats a plural message without building its formatters again', async () => {
  let built = 0;
  setPluralRules(
    class extends RealPluralRules {
      constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
        super(...args);
        built++;
      }
    } as typeof Intl.PluralRules,
  );
  const messages = { board: { warnings: '{count, plural, one {# warning} other {# warnings}}' } };
  // One request: a fresh provider, as Next mounts one for each page it renders.
  const request = (count: number) =>
    renderToString(
      createElement(
        IntlProvider,
        // Its type wants children among the props; they come as the third argument here.
        { locale: 'en', messages, timeZone: 'Asia/Shanghai' } as unknown as ComponentProps<
          typeof IntlProvider
        >,
        createElement(Block, { count }),
      ),
    );

  expect(request(2)).toBe('2 warnings');
  const afterFirst = built;
  expect(afterFirst).toBeGreaterThan(0);
  expect(request(1)).toBe('1 warning');
  expect(built).toBe(afterFirst);
});
