# Every vitest suite on Node 22, as scripts/test.sh runs them. Suites whose tools the sandbox lacks
# (podman, skopeo, nix-instantiate) skip themselves, because CI is not set here.
{
  runCommand,
  bun,
  nodejs_22,
  testTree,
}:
let
  nativeBuildInputs = [
    bun
    nodejs_22
  ];
in
runCommand "check-vitest" { inherit nativeBuildInputs; } ''
  cp -r ${testTree} tree
  chmod -R u+w tree
  cd tree
  export HOME="$TMPDIR"
  node node_modules/vitest/vitest.mjs run
  touch "$out"
''
