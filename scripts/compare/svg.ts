// An SVG bar chart of the measured images' sizes: uncompressed and compressed, one pair of bars
// per image, on one scale.
import { megabytes } from './format.ts'
import type { ComparisonResults } from './results.ts'

const labelWidth = 200
const barArea = 440
const barHeight = 16
const rowHeight = 2 * barHeight + 16
const colors = { uncompressed: '#4e79a7', compressed: '#f28e2b' }

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function bar(y: number, bytes: number, scale: number, color: string): string {
  const width = Math.max(1, Math.round(bytes * scale))
  return [
    `<rect x="${labelWidth}" y="${y}" width="${width}" height="${barHeight}" fill="${color}"/>`,
    `<text x="${labelWidth + width + 6}" y="${y + 12}">${megabytes(bytes)}</text>`,
  ].join('')
}

export function renderSizeChart(results: ComparisonResults): string {
  const measured = results.variants.flatMap((variant) =>
    variant.status === 'measured' ? [{ name: variant.name, sizes: variant.sizes }] : [],
  )
  const largest = Math.max(1, ...measured.map((variant) => variant.sizes.uncompressedBytes))
  const scale = barArea / largest
  const top = 40
  const height = top + measured.length * rowHeight + 10
  const width = labelWidth + barArea + 100
  const rows = measured.map((variant, index) => {
    const y = top + index * rowHeight
    return [
      `<text x="${labelWidth - 8}" y="${y + barHeight + 4}" text-anchor="end">`,
      `${escapeXml(variant.name)}</text>`,
      bar(y, variant.sizes.uncompressedBytes, scale, colors.uncompressed),
      bar(y + barHeight + 2, variant.sizes.compressedBytes, scale, colors.compressed),
    ].join('')
  })
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="18" font-size="14">Image size (${escapeXml(results.measuredAt)})</text>`,
    `<rect x="${labelWidth}" y="26" width="10" height="10" fill="${colors.uncompressed}"/>`,
    `<text x="${labelWidth + 14}" y="35">uncompressed</text>`,
    `<rect x="${labelWidth + 110}" y="26" width="10" height="10" fill="${colors.compressed}"/>`,
    `<text x="${labelWidth + 124}" y="35">compressed (gzip layers)</text>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n')
}
