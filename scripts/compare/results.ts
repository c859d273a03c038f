// The shape of results.json: one entry per variant, measured or with the reason it was not.
import type { DeployCost } from './deploy-cost.ts'
import type { HostDescription } from './host.ts'
import type { RuntimeFigures, RuntimeSettings } from './runtime.ts'
import type { ImageSizes } from './sizes.ts'

export type VariantResult =
  | {
      name: string
      description: string
      status: 'measured'
      /** The image reference in containers-storage. */
      image: string
      sizes: ImageSizes
      /** Absent with `runtimeSkipped` for images without the app, or in sizes-only runs. */
      runtime?: RuntimeFigures
      runtimeSkipped?: string
      deployCost?: DeployCost
      deployCostSkipped?: string
    }
  | {
      name: string
      description: string
      status: 'unavailable' | 'not selected'
      reason: string
    }

export type MeasuredVariant = Extract<VariantResult, { status: 'measured' }>

export interface ComparisonResults {
  /** ISO 8601 time at which the comparison started. */
  measuredAt: string
  host: HostDescription
  settings: RuntimeSettings & { sizesOnly: boolean }
  variants: VariantResult[]
}
