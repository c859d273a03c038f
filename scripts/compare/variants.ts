// Every image variant of the repository, in the order of the comparison table.
import { containerfileVariant } from './containerfile-variant.ts'
import { floorVariant } from './floor-variant.ts'
import { nixVariant } from './nix-variant.ts'
import { scratchVariant } from './scratch-variant.ts'
import type { Variant } from './variant.ts'

export const variants: Variant[] = [
  containerfileVariant('oven', 'Containerfile.oven', 'oven/bun distroless runtime'),
  containerfileVariant('alpine', 'Containerfile.alpine', 'alpine with musl Bun'),
  containerfileVariant('nix-busybox-containerfile', 'Containerfile.nix', 'busybox + Nix closure'),
  nixVariant('nix-image', 'image', 'nix build .#image: Bun, glibc, CA bundle, app'),
  nixVariant('nix-image-busybox', 'image-busybox', 'nix build .#image-busybox'),
  scratchVariant,
  floorVariant,
]
