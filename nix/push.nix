# `nix run .#push -- IMAGE DESTINATION`: copies an image to a registry with skopeo, no container
# daemon. scripts/push.ts imports only Node's built-in modules, so the one file is enough.
{
  writeShellApplication,
  bun,
  skopeo,
}:
writeShellApplication {
  name = "notes-api-push";
  runtimeInputs = [
    bun
    skopeo
  ];
  text = ''
    exec bun ${../scripts/push.ts} "$@"
  '';
}
