# Maps the runtime contract (nix/contract.json) to the config of a Docker image, the form that
# dockerTools writes (Docker image spec v1.3: Healthcheck durations are integer nanoseconds).
# Pure: it needs no nixpkgs, so CI evaluates it with nix-instantiate.
{
  contract,
  # Values for the labels that the contract's buildArgLabels leaves to the build, keyed by build
  # argument name (SOURCE_URL, VERSION, REVISION); a missing or null value leaves the label out.
  buildArgs,
  # PATH inside the image; the entrypoint's `bun` must resolve through it.
  path,
}:
let
  units = {
    ms = 1000000;
    s = 1000000000;
    m = 60 * 1000000000;
    h = 3600 * 1000000000;
  };

  nanoseconds =
    duration:
    let
      parts = builtins.match "([0-9]+)(ms|s|m|h)" duration;
    in
    if parts == null then
      throw "nix/contract.json: invalid duration \"${duration}\", expected a number and ms, s, m or h"
    else
      builtins.fromJSON (builtins.elemAt parts 0) * units.${builtins.elemAt parts 1};

  buildLabels = builtins.listToAttrs (
    builtins.filter (label: label.value != null) (
      map (label: {
        name = label;
        value = buildArgs.${contract.buildArgLabels.${label}} or null;
      }) (builtins.attrNames contract.buildArgLabels)
    )
  );
in
{
  Entrypoint = contract.entrypoint;
  Env = map (name: "${name}=${contract.env.${name}}") (builtins.attrNames contract.env) ++ [
    "PATH=${path}"
  ];
  WorkingDir = contract.workdir;
  User = "${toString contract.user.uid}:${toString contract.user.gid}";
  ExposedPorts = {
    "${toString contract.port}/tcp" = { };
  };
  Volumes = {
    ${contract.volume} = { };
  };
  StopSignal = contract.stopSignal;
  Labels = contract.labels // buildLabels;
  Healthcheck = {
    Test = [ "CMD" ] ++ contract.healthcheck.command;
    Interval = nanoseconds contract.healthcheck.interval;
    Timeout = nanoseconds contract.healthcheck.timeout;
    StartPeriod = nanoseconds contract.healthcheck.startPeriod;
    Retries = contract.healthcheck.retries;
  };
}
