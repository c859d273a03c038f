import { defineConfig } from 'vitest/config'

// Suites that build and remove podman images. With `podman build --layers`, builds share cached
// intermediate images, and removing one image can remove a cache layer that a concurrent build is
// using, so these suites run one file at a time.
const podmanSuites = ['tests/containers/runtime.test.ts', 'tests/compare/**/*.test.ts']

export default defineConfig({
  test: {
    globalSetup: ['tests/support/build-api.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'processes',
          include: [
            'apps/*/test/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'tests/**/*.test.ts',
          ],
          exclude: podmanSuites,
          typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: { name: 'podman', include: podmanSuites, fileParallelism: false },
      },
    ],
  },
})
