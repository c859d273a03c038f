# The shell commands that lay out an image's own files (run by dockerTools' fakeRootCommands, in
# the root of the image's last layer): the runtime user, /tmp, the database volume and the app.
# Pure: it needs no nixpkgs, so CI evaluates it with nix-instantiate.
{
  contract,
  # Directory with the bundled app (server.js, healthcheck.js, their bytecode and source maps);
  # its files are copied, not linked, so that the app's store path stays out of the image.
  app,
}:
let
  inherit (contract) user workdir volume;
  uid = toString user.uid;
  gid = toString user.gid;
in
''
  mkdir -p etc tmp .${workdir} .${volume}

  # passwd and group name the runtime user, so that tools show "${user.name}" for uid ${uid}.
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' \
    '${user.name}:x:${uid}:${gid}:${user.name}:${workdir}:/sbin/nologin' > etc/passwd
  printf '%s\n' 'root:x:0:' '${user.name}:x:${gid}:' > etc/group

  # os.tmpdir() is /tmp; every user may write there, as on any Linux system.
  chmod 1777 tmp

  cp ${app}/* .${workdir}/

  # The runtime user owns only the database volume.
  chown -R ${uid}:${gid} .${volume}
''
