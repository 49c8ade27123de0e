import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: [
      'test/unit/**/*.test.ts',
      'test/vendors/**/*.test.ts',
      'test/keychain/**/*.test.ts',
      'test/shell/**/*.test.ts',
    ],
    testTimeout: 20_000,
    // Two cores: keep parallelism modest so timing-sensitive transport tests stay stable.
    maxWorkers: 2,
  },
});
