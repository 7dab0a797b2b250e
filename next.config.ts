import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extension bundles from its own package folder at run time; exceljs
  // (reading imports, streaming exports) is loaded as it is (TOOLCHAIN.md: keep it external).
  serverExternalPackages: ['@electric-sql/pglite', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
