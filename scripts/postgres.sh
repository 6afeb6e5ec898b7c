#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests (and for trying the jdbc and postgres-cdc connectors).
#
#   scripts/postgres.sh start DIR [OWNER_PID]
#       installs Debian's postgresql when missing, creates a cluster in DIR, starts it on a free loopback port with
#       wal_level=logical, and prints the Npgsql connection string (also written to DIR/connection-string); with
#       OWNER_PID, a watcher stops the server and deletes DIR once that process is gone (a test host that was killed)
#   scripts/postgres.sh stop DIR
#       stops the server started in DIR and deletes DIR
#
# No systemd is needed: the server runs under pg_ctl, as the postgres user when this runs as root.
set -euo pipefail

usage() { echo "usage: $0 start DIR [OWNER_PID] | stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
action=$1
dir=$2
owner=${3:-}

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

install_postgres() {
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "postgres.sh: PostgreSQL is not installed and this is not a root Debian shell; install the 'postgresql' package" >&2
    return 1
  fi
  echo "postgres.sh: installing Debian's postgresql package" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null; }
}

# Runs a command as the user the server runs as: initdb and postgres refuse to run as root.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local bin
  bin=$(find_bin) || { install_postgres && bin=$(find_bin); } || { echo "postgres.sh: no initdb/pg_ctl found" >&2; exit 1; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    # su needs to reach the directory: every parent must be searchable by postgres.
    chmod o+x "$(dirname "$dir")" 2>/dev/null || true
  fi
  if [ ! -f "$dir/db/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$dir/db" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_taken "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/db" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=logical -c max_wal_senders=20 -c max_replication_slots=64 -c max_connections=200" \
        >/dev/null 2>&1; then
      local cs="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "$port" >"$dir/port"
      echo "$cs" >"$dir/connection-string"
      echo "$cs"
      if [ -n "$owner" ]; then
        # Detached from this script's output, so the caller's read of it ends now.
        setsid bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 2; done; bash "$2" stop "$3"' watcher "$owner" "$0" "$dir" \
          </dev/null >/dev/null 2>&1 &
      fi
      return 0
    fi
  done
  echo "postgres.sh: the server did not start; its log:" >&2
  cat "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  [ -d "$dir" ] || return 0
  local bin
  if bin=$(find_bin) && [ -f "$dir/db/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/db" -w -t 30 -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
