import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The CLI prints engine diagnostics in the locale's language (src/cli/cli-lang.ts); tests read English
    // whatever the machine's locale, unless a test asks for Spanish.
    env: { IGEM_LANG: 'en' },
  },
});
