// The cost of a deploy: after a one-line change to the app, which layers of the rebuilt image
// differ from the previous build, and how many compressed bytes a registry has to receive.
import type { Layer } from './sizes.ts'

export interface DeployCost {
  /** Layers of the rebuilt image whose uncompressed digest the previous build lacks. */
  changedLayers: number
  layerCount: number
  /** Sum of the gzip blob sizes of the changed layers: what a push uploads. */
  changedCompressedBytes: number
}

/** Compares two builds by their layers' uncompressed digests (the config's diff_ids). */
export function deployCost(previous: Layer[], rebuilt: Layer[]): DeployCost {
  const known = new Set(previous.map((layer) => layer.diffId))
  const changed = rebuilt.filter((layer) => !known.has(layer.diffId))
  return {
    changedLayers: changed.length,
    layerCount: rebuilt.length,
    changedCompressedBytes: changed.reduce((sum, layer) => sum + layer.compressedBytes, 0),
  }
}
