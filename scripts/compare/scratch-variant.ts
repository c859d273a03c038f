// The FROM scratch image of scripts/images/scratch.ts, built by that script inside the copy of the
// repository so that the bundle comes from the copy's sources.
import { join } from 'node:path'
import { runChecked } from './command.ts'
import { buildArgOptions, type Variant } from './variant.ts'

export const scratchVariant: Variant = {
  name: 'scratch',
  description: 'FROM scratch: the pinned Bun, the glibc files it links and the bundle',
  servesApi: true,
  async build({ repo, tag, buildArgs }) {
    const script = join(repo, 'scripts/images/scratch.ts')
    const args = [script, '--tag', tag, ...buildArgOptions(buildArgs)]
    await runChecked(process.execPath, args, { cwd: repo, timeoutMs: 10 * 60_000 })
  },
}
