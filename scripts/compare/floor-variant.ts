// The floor: a FROM scratch image with nothing but the pinned Bun binary and the libraries that
// `ldd` lists for it. No image that runs the API on this Bun can be smaller.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { loadBunVersion } from '../images/contract.ts'
import { findPinnedBun, linkedLibraries } from '../images/scratch.ts'
import { bunDirectory } from '../images/scratch-containerfile.ts'
import { runChecked } from './command.ts'
import type { Variant } from './variant.ts'

function copyInto(rootfs: string, source: string, target: string): void {
  const destination = join(rootfs, target)
  mkdirSync(dirname(destination), { recursive: true })
  copyFileSync(source, destination)
}

export const floorVariant: Variant = {
  name: 'floor',
  description: 'the pinned Bun binary and the libraries it links, without the app',
  servesApi: false,
  async build({ tag }) {
    const bun = findPinnedBun(loadBunVersion())
    const context = mkdtempSync(join(tmpdir(), 'notes-api-floor-'))
    try {
      copyInto(join(context, 'rootfs'), bun, `${bunDirectory}/bun`)
      for (const library of linkedLibraries(bun))
        copyInto(join(context, 'rootfs'), library, library)
      writeFileSync(join(context, 'Containerfile'), 'FROM scratch\nCOPY rootfs/ /\n')
      const options = ['--format', 'docker', '--layers=false', '--tag', tag]
      await runChecked('podman', ['build', ...options, context], { timeoutMs: 5 * 60_000 })
    } finally {
      rmSync(context, { recursive: true, force: true })
    }
  },
}
