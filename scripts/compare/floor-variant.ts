// The floor: a FROM scratch image with nothing but the pinned Bun binary and the libraries that
// `ldd` lists for it. No image that runs the API on this Bun can be smaller.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadBunVersion } from '../images/contract.ts'
import { findPinnedBun, stageBunRuntime } from '../images/scratch.ts'
import { runChecked } from './command.ts'
import type { Variant } from './variant.ts'

export const floorVariant: Variant = {
  name: 'floor',
  description: 'the pinned Bun binary and the libraries it links, without the app',
  servesApi: false,
  async build({ tag }) {
    const bun = findPinnedBun(loadBunVersion())
    const context = mkdtempSync(join(tmpdir(), 'notes-api-floor-'))
    try {
      stageBunRuntime(join(context, 'rootfs'), bun)
      writeFileSync(join(context, 'Containerfile'), 'FROM scratch\nCOPY rootfs/ /\n')
      const options = ['--format', 'docker', '--layers=false', '--tag', tag]
      await runChecked('podman', ['build', ...options, context], { timeoutMs: 5 * 60_000 })
    } finally {
      rmSync(context, { recursive: true, force: true })
    }
  },
}
