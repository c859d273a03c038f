# Bun's install cache for bun.lock, with every package fetched by Nix from the hash that bun.lock
# records. bun2nix's CLI writes the fetch list during the build (it names the registry's host, so
# it is never committed), and bun2nix's fetchBunDeps turns that list into the cache.
{
  runCommand,
  bun2nixCli,
  workspaceSource,
}:
let
  # bun2nix writes `copyPathToStore ./apps/api` for workspace packages, relative to its output
  # file, so the workspace directories sit next to the generated bun.nix.
  lockExpression = runCommand "bun-lock-expression" { nativeBuildInputs = [ bun2nixCli ]; } ''
    mkdir -p "$out"
    cp -r ${workspaceSource}/apps ${workspaceSource}/packages "$out/"
    bun2nix --lock-file ${workspaceSource}/bun.lock --output-file "$out/bun.nix"
  '';
in
bun2nixCli.fetchBunDeps { bunNix = "${lockExpression}/bun.nix"; }
