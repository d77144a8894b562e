import { defineConfig } from 'vitest/config';

// Two tiers run by `npm test`: pure tests (milliseconds) and database tests (the real app on a
// freshly migrated database: PGlite by default, PostgreSQL when TEST_DATABASE_URL is set).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.cluster.test.ts', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'db',
          include: ['server/**/*.db.test.ts'],
          globalSetup: ['server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // PostgreSQL servers of their own (a primary and a replica), started from the server
        // binaries: `npm run test:cluster`, run by CI; not part of `npm test`.
        test: {
          name: 'cluster',
          include: ['server/**/*.cluster.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
