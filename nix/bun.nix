# The pinned Bun: the official release archive named in nix/bun.json, the one file that every
# other tool (scripts/tools.sh, the Containerfiles, package.json) agrees with.
{
  lib,
  stdenvNoCC,
  fetchurl,
  unzip,
  autoPatchelfHook,
}:
let
  pin = lib.importJSON ./bun.json;
  inherit (stdenvNoCC.hostPlatform) system;
  source = pin.sources.${system} or (throw "nix/bun.json has no Bun release archive for ${system}");
in
stdenvNoCC.mkDerivation {
  pname = "bun";
  inherit (pin) version;

  src = fetchurl {
    url = "https://github.com/oven-sh/bun/releases/download/bun-v${pin.version}/${source.asset}.zip";
    inherit (source) hash;
  };

  # Each archive holds one directory named after the asset, with the `bun` binary in it.
  sourceRoot = source.asset;

  strictDeps = true;
  # NOTE: on macOS the binary keeps its link to the system's /usr/lib/libicucore, unlike nixpkgs'
  # bun, which rewrites it to nixpkgs' ICU; only a macOS machine can confirm that it runs.
  # On Linux the binary links only glibc; autoPatchelfHook points it at nixpkgs' glibc.
  nativeBuildInputs = [
    unzip
  ]
  ++ lib.optionals stdenvNoCC.hostPlatform.isLinux [ autoPatchelfHook ];

  dontConfigure = true;
  dontBuild = true;
  # Keep the release binary byte for byte apart from the interpreter and RPATH.
  dontStrip = true;

  installPhase = ''
    runHook preInstall
    install -Dm755 bun "$out/bin/bun"
    runHook postInstall
  '';

  doInstallCheck = true;
  installCheckPhase = ''
    runHook preInstallCheck
    actual="$("$out/bin/bun" --version)"
    if [ "$actual" != "${pin.version}" ]; then
      echo "bun --version: expected ${pin.version} (nix/bun.json), actual $actual" >&2
      exit 1
    fi
    runHook postInstallCheck
  '';

  meta = {
    description = "Bun ${pin.version}, the official release binary";
    homepage = "https://bun.sh";
    license = lib.licenses.mit;
    mainProgram = "bun";
    platforms = builtins.attrNames pin.sources;
    sourceProvenance = [ lib.sourceTypes.binaryNativeCode ];
  };
}
