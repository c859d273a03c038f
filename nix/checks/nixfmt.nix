# Every Nix file is formatted by nixfmt (RFC 166 style); a failure prints the diff from the
# file as committed (actual, -) to nixfmt's output (expected, +). Containerfile.nix is not Nix.
{
  runCommand,
  nixfmt,
  diffutils,
  repositorySource,
}:
let
  nativeBuildInputs = [
    nixfmt
    diffutils
  ];
in
runCommand "check-nixfmt" { inherit nativeBuildInputs; } ''
  status=0
  while IFS= read -r -d "" file; do
    if ! nixfmt < "$file" | diff -u --label "actual: $file" --label "expected: nixfmt $file" \
      "$file" -; then
      status=1
    fi
  done < <(cd ${repositorySource} && find . -name '*.nix' -not -name 'Containerfile.*' -not -path './node_modules/*' -print0)
  [ "$status" -eq 0 ] || exit 1
  touch "$out"
''
