// Units for the reports: decimal megabytes, as `podman images` prints them.

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

export function milliseconds(value: number): string {
  return `${value.toFixed(0)} ms`
}

export function perSecond(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')}/s`
}
