# `nix develop`: the pinned Bun, Node 22, the container tools and the linters and formatter that
# the checks run.
{
  mkShell,
  bun,
  nodejs_22,
  podman,
  skopeo,
  nixfmt,
  shellcheck,
  hadolint,
}:
mkShell {
  packages = [
    bun
    nodejs_22
    podman
    skopeo
    nixfmt
    shellcheck
    hadolint
  ];
}
