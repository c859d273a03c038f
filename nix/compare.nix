# `nix run .#compare`: scripts/compare/index.ts on the pinned Bun, with podman, skopeo, wrk, GNU
# tar and git on PATH. It builds the images from the checkout it is started in, so it runs the
# checkout's own scripts rather than a store copy; `nix build` of the Nix variants uses the nix on
# the caller's PATH.
{
  writeShellApplication,
  bun,
  podman,
  skopeo,
  wrk,
  gnutar,
  gzip,
  git,
}:
writeShellApplication {
  name = "notes-api-compare";
  runtimeInputs = [
    bun
    podman
    skopeo
    wrk
    gnutar
    gzip
    git
  ];
  text = ''
    repo=$(git rev-parse --show-toplevel 2>/dev/null || pwd)
    if [ ! -f "$repo/scripts/compare/index.ts" ]; then
      echo "notes-api-compare: $repo has no scripts/compare/index.ts; run it in a checkout" >&2
      exit 2
    fi
    cd "$repo"
    # The scratch variant bundles the app, which needs the workspace's packages.
    bun install --frozen-lockfile
    exec bun scripts/compare/index.ts "$@"
  '';
}
