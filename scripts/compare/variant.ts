// The interface of an image variant: a name, a one-line description and a build from a copy of
// the repository.

export interface BuildContext {
  /** A temporary copy of the repository to build from. */
  repo: string
  /** The image reference to store the build under in containers-storage. */
  tag: string
  /** Values for the contract's label build arguments (VERSION, REVISION). */
  buildArgs: Record<string, string>
}

export interface Variant {
  name: string
  description: string
  /** False for an image without the app, which has no /health to measure. */
  servesApi: boolean
  /** Builds the image into containers-storage under `context.tag`, or throws with the reason. */
  build(context: BuildContext): Promise<void>
}

/** Turns build arguments into repeated `--build-arg NAME=VALUE` options. */
export function buildArgOptions(buildArgs: Record<string, string>): string[] {
  return Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`])
}
