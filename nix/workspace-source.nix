# The Bun workspace's files and nothing else, so that edits to docs, the flake or the
# Containerfiles do not rebuild node_modules, the app or the images.
{ lib }:
let
  inherit (lib) fileset;
in
fileset.toSource {
  root = ../.;
  fileset = fileset.unions [
    ../package.json
    ../bun.lock
    ../tsconfig.base.json
    ../tsconfig.json
    ../vitest.config.ts
    ../apps
    ../packages
    ../tests
    ../nix/bun.json
    ../nix/contract.json
  ];
}
