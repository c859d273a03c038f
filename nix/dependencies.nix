# The runtime binaries as one link farm. Containerfile.nix builds it (`nix build .#runtime-deps`),
# bundles the app with its bin/bun, copies its store closure into a busybox image and links its
# bin directory as /nix-bin, so bin/bun is the interface to keep.
{
  buildEnv,
  bun,
}:
buildEnv {
  name = "runtime-deps";
  paths = [ bun ];
  pathsToLink = [ "/bin" ];
}
