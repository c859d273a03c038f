// Image sizes and layers, read from podman's and skopeo's JSON. The uncompressed size comes from
// `podman image inspect`. The compressed layers come from the manifest that `skopeo copy` writes
// to an OCI layout on disk, which stores gzip layer blobs the way a registry does.
import { runChecked } from './command.ts'
import { largestFiles, type FileEntry } from './layer-files.ts'

export interface Layer {
  /** Position in the image, 0 for the base layer. */
  index: number
  /** Digest of the uncompressed layer (the config's rootfs.diff_ids entry). */
  diffId: string
  /** Digest of the gzip blob. */
  digest: string
  compressedBytes: number
  /** The largest files of the layer, for the largest layers only. */
  largestFiles?: FileEntry[]
}

export interface ImageSizes {
  imageId: string
  /** `Size` of `podman image inspect`: the unpacked layers. */
  uncompressedBytes: number
  /** Sum of the gzip layer blobs in the manifest. */
  compressedBytes: number
  /** `RootFS.Layers` of `podman image inspect`. */
  layerCount: number
  layers: Layer[]
}

interface PodmanImage {
  Id: string
  Size: number
  RootFS: { Layers: string[] }
}

interface OciManifest {
  layers: { digest: string; size: number }[]
}

interface ImageConfig {
  rootfs: { diff_ids: string[] }
}

export async function inspectImage(reference: string): Promise<PodmanImage> {
  const [image] = JSON.parse(await runChecked('podman', ['image', 'inspect', reference])) as
    PodmanImage[] | []
  if (!image) throw new Error(`podman image inspect ${reference} returned no image`)
  return image
}

/** Copies an image into the OCI layout at `layout` under `name` and reads its manifest. */
export async function measureSizes(
  reference: string,
  layout: string,
  name: string,
  detailedLayers = 3,
): Promise<ImageSizes> {
  const image = await inspectImage(reference)
  const destination = `oci:${layout}:${name}`
  const copyOptions = ['copy', '--quiet', `containers-storage:${image.Id}`, destination]
  await runChecked('skopeo', copyOptions, { timeoutMs: 10 * 60_000 })
  const manifest = JSON.parse(
    await runChecked('skopeo', ['inspect', '--raw', destination]),
  ) as OciManifest
  const config = JSON.parse(
    await runChecked('skopeo', ['inspect', '--config', destination]),
  ) as ImageConfig

  const layers: Layer[] = manifest.layers.map((blob, index) => ({
    index,
    diffId: config.rootfs.diff_ids[index] ?? '',
    digest: blob.digest,
    compressedBytes: blob.size,
  }))
  const largest = [...layers].sort((a, b) => b.compressedBytes - a.compressedBytes)
  for (const layer of largest.slice(0, detailedLayers)) {
    layer.largestFiles = await largestFiles(layout, layer.digest)
  }

  return {
    imageId: image.Id,
    uncompressedBytes: image.Size,
    compressedBytes: layers.reduce((sum, layer) => sum + layer.compressedBytes, 0),
    layerCount: image.RootFS.Layers.length,
    layers,
  }
}
