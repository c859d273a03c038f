// The Markdown report: a table of every variant, the variants that were not measured with the
// reason, and the largest layers of each measured image with the largest files they hold.
import { megabytes, milliseconds, perSecond } from './format.ts'
import type { ComparisonResults, MeasuredVariant } from './results.ts'

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function runtimeCells(variant: MeasuredVariant): string[] {
  const runtime = variant.runtime
  if (!runtime) return ['-', '-', '-', '-']
  return [
    milliseconds(runtime.startupMs.median),
    megabytes(runtime.idleMemoryBytes),
    runtime.loadedMemoryBytes === null ? '-' : megabytes(runtime.loadedMemoryBytes),
    runtime.requestsPerSecond === null ? '-' : perSecond(runtime.requestsPerSecond),
  ]
}

function deployCell(variant: MeasuredVariant): string {
  const cost = variant.deployCost
  if (!cost) return '-'
  const bytes = megabytes(cost.changedCompressedBytes)
  return `${cost.changedLayers} of ${cost.layerCount} layers, ${bytes}`
}

function summaryTable(results: ComparisonResults): string[] {
  const header = [
    'image',
    'uncompressed',
    'compressed (gzip)',
    'layers',
    'start-up (median)',
    'memory idle',
    'memory after load',
    'requests/s on /health',
    'deploy: changed layers, bytes',
  ]
  const lines = [row(header), row(header.map(() => '---'))]
  for (const variant of results.variants) {
    if (variant.status !== 'measured') continue
    const { sizes } = variant
    lines.push(
      row([
        variant.name,
        megabytes(sizes.uncompressedBytes),
        megabytes(sizes.compressedBytes),
        String(sizes.layerCount),
        ...runtimeCells(variant),
        deployCell(variant),
      ]),
    )
  }
  return lines
}

function notMeasured(results: ComparisonResults): string[] {
  const lines: string[] = []
  for (const variant of results.variants) {
    if (variant.status === 'measured') {
      for (const [what, reason] of [
        ['start-up, memory and throughput', variant.runtimeSkipped],
        ['deploy cost', variant.deployCostSkipped],
      ]) {
        if (reason) lines.push(`- ${variant.name}: ${what} not measured: ${reason}`)
      }
      continue
    }
    const verb = variant.status === 'unavailable' ? 'not built' : 'not selected'
    lines.push(`- ${variant.name} (${variant.description}): ${verb}: ${variant.reason}`)
  }
  return lines
}

function largestLayers(results: ComparisonResults): string[] {
  const lines = [row(['image', 'layer', 'compressed', 'largest files'])]
  lines.push(row(['---', '---', '---', '---']))
  for (const variant of results.variants) {
    if (variant.status !== 'measured') continue
    for (const layer of variant.sizes.layers) {
      if (!layer.largestFiles) continue
      const files = layer.largestFiles.map((file) => `${file.path} (${megabytes(file.bytes)})`)
      lines.push(
        row([
          variant.name,
          `${layer.index + 1} of ${variant.sizes.layers.length}`,
          megabytes(layer.compressedBytes),
          files.join(', ') || '-',
        ]),
      )
    }
  }
  return lines
}

export function renderMarkdown(results: ComparisonResults): string {
  const { host, settings } = results
  const machine =
    `Measured ${results.measuredAt} on ${host.os}, ${host.architecture}, ${host.cpus} CPUs, ` +
    `kernel ${host.kernel}, podman ${host.podman}, skopeo ${host.skopeo}, Bun ${host.bun}.`
  const method = settings.sizesOnly
    ? 'Sizes only.'
    : `Start-up is the median of ${settings.starts} starts; load is wrk for ` +
      `${settings.loadSeconds} s with ${settings.connections} connections on 127.0.0.1.`
  const missing = notMeasured(results)
  return [
    machine,
    method,
    '',
    ...summaryTable(results),
    '',
    ...(missing.length > 0 ? ['Not measured:', '', ...missing, ''] : []),
    'Largest layers:',
    '',
    ...largestLayers(results),
    '',
  ].join('\n')
}
