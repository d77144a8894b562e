#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, kept entirely inside one directory.
#
#   .ci/pg-server.sh start DIR   initdb into DIR, start the server on a free port, print its URL
#                                (postgres://postgres@127.0.0.1:PORT/postgres) on stdout and return,
#                                leaving the server running. Everything else goes to stderr.
#   .ci/pg-server.sh stop DIR    stop that server and delete DIR.
#   .ci/pg-server.sh url DIR     print the URL of the server started in DIR.
#   .ci/pg-server.sh replica DIR PRIMARY_DIR
#                                a streaming replica of the server started in PRIMARY_DIR
#                                (pg_basebackup -R), started on a free port; prints its URL.
#   .ci/pg-server.sh crash DIR   stop that server the hard way (immediate: no shutdown checkpoint,
#                                clients cut off), as a power cut would.
#   .ci/pg-server.sh promote DIR make the replica in DIR a primary.
#
# DIR must not exist yet or be empty, and the `postgres` user must be able to reach it: a fresh
# `mktemp -d` under /tmp is the intended use. Layout: DIR/data (cluster), DIR/sock (private socket
# directory, so we never collide with a system cluster's /var/run/postgresql), DIR/server.log, and
# DIR/port.
#
# Why this shape: CI needs a real PostgreSQL next to the embedded PGlite, and later a primary plus a
# streaming replica, started the same way. A fixed port would clash with a system cluster or a
# parallel job, so we ask the OS for a free one and retry if another process grabs it first.
# Durability is switched off (fsync, full_page_writes, synchronous_commit): the data is thrown away.
# PG_DURABLE=1 keeps PostgreSQL's durable defaults, for the failover test that counts lost writes.
#
# Environment: PG_BINDIR (default /usr/lib/postgresql/$PG_MAJOR/bin, else `pg_config --bindir`),
# PG_MAJOR (default 15; the server must be this major version).
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-15}"
MARKER=".pulih-pg-server" # only directories carrying this file are ever deleted by `stop`

log() { printf 'pg-server: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    echo "$PG_BINDIR"
  elif [[ -x "/usr/lib/postgresql/$PG_MAJOR/bin/postgres" ]]; then
    echo "/usr/lib/postgresql/$PG_MAJOR/bin"
  elif command -v pg_config >/dev/null 2>&1; then
    pg_config --bindir
  else
    die "PostgreSQL $PG_MAJOR binaries not found (install postgresql-$PG_MAJOR or set PG_BINDIR)"
  fi
}

# initdb and postgres refuse to run as root, so as root we run them as the `postgres` user.
as_pg() {
  if [[ $EUID -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

ensure_postgres_user() {
  [[ $EUID -eq 0 ]] || return 0
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /var/lib/postgresql \
      --shell /bin/bash postgres
  fi
}

# Ask the OS for a port nobody is listening on. Node is always here; python3 is a fallback.
free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    die "need node or python3 to find a free port"
  fi
}

url_for() { echo "postgres://postgres@127.0.0.1:$1/postgres"; }

cmd_start() {
  local dir="$1"
  if [[ -e "$dir" && -n "$(ls -A "$dir")" ]]; then
    die "$dir exists and is not empty; give a fresh directory"
  fi
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  touch "$dir/$MARKER"
  ensure_postgres_user
  local bindir
  bindir="$(find_bindir)"
  [[ -x "$bindir/initdb" && -x "$bindir/pg_ctl" ]] || die "no initdb/pg_ctl in $bindir"
  local version
  version="$("$bindir/postgres" --version)"
  [[ "$version" =~ \ $PG_MAJOR(\.|$) ]] || die "expected PostgreSQL $PG_MAJOR, found: $version"

  mkdir -p "$dir/sock"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_pg test -w "$dir" || die "user postgres cannot write to $dir (use a directory under /tmp)"

  log "initdb ($version) into $dir/data"
  # trust auth is fine: the server listens only on 127.0.0.1 and a private socket, and dies soon.
  if ! as_pg "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  # Tuned for throwaway test data; the replication settings are already 15's defaults
  # (wal_level=replica, max_wal_senders=10) and initdb's pg_hba trusts local replication.
  cat >>"$dir/data/postgresql.conf" <<EOF

# --- .ci/pg-server.sh: throwaway test server ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/sock'
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
log_min_duration_statement = -1
EOF
  if [[ "${PG_DURABLE:-0}" != 1 ]]; then
    cat >>"$dir/data/postgresql.conf" <<EOF
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  fi
  launch "$dir" "$bindir"
}

# launch DIR BINDIR: start the cluster in DIR/data on a free port and print its URL.
launch() {
  local dir="$1" bindir="$2"
  local attempt port
  for attempt in 1 2 3; do
    port="$(free_port)"
    log "starting on 127.0.0.1:$port (attempt $attempt)"
    if as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port" start \
      >&2; then
      echo "$port" >"$dir/port"
      # Prove it answers SQL before handing out the URL.
      as_pg "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtqc 'select 1' \
        >/dev/null || die "server started but does not answer on 127.0.0.1:$port"
      url_for "$port"
      return 0
    fi
    log "start failed; server log:"
    tail -n 20 "$dir/server.log" >&2 || true
    # Another process may have taken the port between our probe and the bind: try a new one.
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  done
  die "could not start PostgreSQL after 3 attempts"
}

cmd_stop() {
  local dir="$1"
  [[ -d "$dir" ]] || { log "$dir does not exist; nothing to stop"; return 0; }
  [[ -f "$dir/$MARKER" ]] || die "$dir was not created by pg-server.sh start; refusing to touch it"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    local bindir
    bindir="$(find_bindir)"
    log "stopping server in $dir"
    # fast = roll back open transactions and disconnect clients; fall back to immediate if stuck.
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >&2 ||
      as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >&2 ||
      log "warning: pg_ctl stop failed"
  fi
  rm -rf "$dir"
  log "removed $dir"
}

cmd_replica() {
  local dir="$1" primary="$2"
  [[ -f "$primary/port" ]] || die "no server started in $primary"
  if [[ -e "$dir" && -n "$(ls -A "$dir")" ]]; then
    die "$dir exists and is not empty; give a fresh directory"
  fi
  mkdir -p "$dir/sock"
  dir="$(cd "$dir" && pwd)"
  touch "$dir/$MARKER"
  local bindir
  bindir="$(find_bindir)"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir"
  log "pg_basebackup from 127.0.0.1:$(cat "$primary/port") into $dir/data"
  # -R writes standby.signal and the primary's address; -X stream copies the WAL made meanwhile.
  as_pg "$bindir/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" -U postgres -D "$dir/data" -R -X stream \
    >"$dir/basebackup.log" 2>&1 || { cat "$dir/basebackup.log" >&2; die "pg_basebackup failed"; }
  # The copy carries the primary's socket directory; a later line wins.
  echo "unix_socket_directories = '$dir/sock'" >>"$dir/data/postgresql.conf"
  launch "$dir" "$bindir"
}

cmd_crash() {
  local dir="$1"
  [[ -f "$dir/$MARKER" ]] || die "$dir was not created by pg-server.sh; refusing to touch it"
  log "crashing the server in $dir (immediate stop)"
  as_pg "$(find_bindir)/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >&2
}

cmd_promote() {
  local dir="$1"
  [[ -f "$dir/$MARKER" ]] || die "$dir was not created by pg-server.sh; refusing to touch it"
  log "promoting the replica in $dir"
  as_pg "$(find_bindir)/pg_ctl" -D "$dir/data" -w -t 60 promote >&2
}

cmd_url() {
  local dir="$1"
  [[ -f "$dir/port" ]] || die "no server started in $dir"
  url_for "$(cat "$dir/port")"
}

[[ $# -ge 2 ]] || usage
case "$1" in
  start) [[ $# -eq 2 ]] || usage; cmd_start "$2" ;;
  stop) [[ $# -eq 2 ]] || usage; cmd_stop "$2" ;;
  url) [[ $# -eq 2 ]] || usage; cmd_url "$2" ;;
  replica) [[ $# -eq 3 ]] || usage; cmd_replica "$2" "$3" ;;
  crash) [[ $# -eq 2 ]] || usage; cmd_crash "$2" ;;
  promote) [[ $# -eq 2 ]] || usage; cmd_promote "$2" ;;
  *) usage ;;
esac
