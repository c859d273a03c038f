# Every place that names the Bun release agrees with nix/bun.json: package.json's packageManager,
# the @types/bun dev dependency, each Containerfile's ARG BUN_VERSION default, and the
# `bun --version` of the flake's own Bun. A mismatch prints the file, expected and actual.
{
  lib,
  runCommand,
  jq,
  bun,
  repositorySource,
}:
let
  expected = (lib.importJSON ../bun.json).version;
in
runCommand "check-pin-agreement" { nativeBuildInputs = [ jq ]; } ''
  status=0
  compare() {
    if [ "$3" != "${expected}" ]; then
      echo "$1 ($2): expected ${expected} (nix/bun.json), actual '$3'" >&2
      status=1
    fi
  }

  cd ${repositorySource}
  compare package.json packageManager "$(jq -r '.packageManager | sub("^bun@"; "")' package.json)"
  compare package.json @types/bun "$(jq -r '.devDependencies["@types/bun"]' package.json)"
  for file in Containerfile.oven Containerfile.alpine Containerfile.nix; do
    compare "$file" "ARG BUN_VERSION" "$(sed -n 's/^ARG BUN_VERSION=//p' "$file" 2>/dev/null)"
  done
  compare "flake's Bun" "bun --version" "$(${lib.getExe bun} --version)"

  [ "$status" -eq 0 ] || exit 1
  touch "$out"
''
