# Starts the API from an image's own files and configuration and expects 200 from /health and
# exit code 0 from the image's health check. proot runs the image's extracted root file system
# as / (no container runtime in the sandbox), with the image's Env, WorkingDir and Entrypoint.
{
  runCommand,
  jq,
  curl,
  proot,
  image,
}:
let
  nativeBuildInputs = [
    jq
    curl
    proot
  ];
in
runCommand "check-smoke-${image.name}" { inherit nativeBuildInputs; } ''
  mkdir archive root
  tar -xzf ${image} -C archive
  manifest=archive/manifest.json
  for layer in $(jq -r '.[0].Layers[]' "$manifest"); do
    tar -xf "archive/$layer" -C root
    chmod -R u+w root
  done
  config="archive/$(jq -r '.[0].Config' "$manifest")"

  mapfile -t environment < <(jq -r '.config.Env[]' "$config")
  mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
  mapfile -t healthcheck < <(jq -r '.config.Healthcheck.Test[1:][]' "$config")
  workdir=$(jq -r '.config.WorkingDir' "$config")
  port=$(jq -r '.config.ExposedPorts | keys[0] | split("/")[0]' "$config")

  in_image() {
    env -i "''${environment[@]}" proot -r "$PWD/root" -w "$workdir" -b /proc -b /dev "$@"
  }

  in_image "''${entrypoint[@]}" > server.log 2>&1 &
  server=$!

  actual=000
  for _ in $(seq 1 60); do
    actual=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" || true)
    [ "$actual" = 200 ] && break
    sleep 0.5
  done

  status=0
  if [ "$actual" != 200 ]; then
    echo "GET /health: expected 200, actual $actual; server output:" >&2
    cat server.log >&2
    status=1
  else
    code=0
    in_image "''${healthcheck[@]}" || code=$?
    if [ "$code" -ne 0 ]; then
      echo "health check ''${healthcheck[*]}: expected exit code 0, actual $code" >&2
      status=1
    fi
  fi

  kill "$server"
  wait "$server" || true
  [ "$status" -eq 0 ] || exit 1
  touch "$out"
''
