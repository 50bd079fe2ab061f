#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: on 127.0.0.1, on a free port, owned by a non-root user, in a
# temporary folder, trust authentication, superuser "estore".
#
#   pg_cluster.sh start STATE_DIR   starts it and writes STATE_DIR/url (postgresql://estore@127.0.0.1:PORT/postgres)
#   pg_cluster.sh stop STATE_DIR    stops it and removes its folder
#
# Without a PostgreSQL server (no initdb; ESTORE_PG_BINDIR=/nowhere pretends so) "start" writes "unavailable: <why>" to STATE_DIR/url and exits 77,
# which ctest reports as skipped; the PostgreSQL tests then skip with that reason.
set -uo pipefail

usage() {
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
}
(($# == 2)) || usage
command=$1
state=$2
mkdir -p "$state"
state=$(cd "$state" && pwd)

unavailable() {
  echo "unavailable: $*" >"$state/url"
  echo "pg_cluster: PostgreSQL tests skipped: $*"
  exit 77
}

# ESTORE_PG_BINDIR names the server's bin folder; otherwise PATH, then Debian's /usr/lib/postgresql/N/bin.
find_bin() {
  local name=$1 found
  if [[ -n ${ESTORE_PG_BINDIR:-} ]]; then
    [[ -x $ESTORE_PG_BINDIR/$name ]] && { echo "$ESTORE_PG_BINDIR/$name"; return 0; }
    return 1
  fi
  found=$(command -v "$name" 2>/dev/null) && { echo "$found"; return 0; }
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1)
  [[ -n $found ]] && { echo "$found"; return 0; }
  return 1
}

# The user that owns and runs the cluster: initdb and postgres refuse to run as root.
# Run from the cluster's folder: the owner may not be able to enter the caller's (a clone under /root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$data" && runuser -u "$owner" -- "$@")
  else
    (cd "$data" && "$@")
  fi
}

pick_owner() {
  owner=$(id -un)
  if [[ $(id -u) -eq 0 ]]; then
    if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

stop_cluster() {
  [[ -f $state/datadir ]] || return 0
  local pg_ctl
  data=$(cat "$state/datadir")
  pick_owner
  if pg_ctl=$(find_bin pg_ctl) && [[ -f $data/data/postmaster.pid ]]; then
    as_owner "$pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  case $data in
    /tmp/estore-pg.*) rm -rf "$data" ;;
  esac
  rm -f "$state/datadir" "$state/url"
}

start_cluster() {
  stop_cluster  # a cluster left over from an interrupted run
  local initdb pg_ctl port log
  initdb=$(find_bin initdb) ||
    unavailable "no PostgreSQL server found (initdb is not installed); ./setup.sh installs the postgresql package"
  pg_ctl=$(find_bin pg_ctl) || unavailable "pg_ctl not found beside $initdb"
  command -v python3 >/dev/null || unavailable "python3 is needed to find a free port"
  pick_owner
  if [[ $(id -u) -eq 0 ]] && ! command -v runuser >/dev/null; then
    unavailable "running as root and runuser (util-linux) is missing, so the cluster cannot run as $owner"
  fi

  data=$(mktemp -d /tmp/estore-pg.XXXXXX)  # not $TMPDIR: the owner must be able to enter it
  chmod 755 "$data"
  [[ $(id -u) -eq 0 ]] && chown "$owner" "$data"
  echo "$data" >"$state/datadir"
  log=$data/postgres.log  # the owner writes it, so it lives in the owner's folder

  if ! as_owner "$initdb" -D "$data/data" -U estore -A trust -E UTF8 --no-locale --no-sync >"$state/initdb.log" 2>&1; then
    cat "$state/initdb.log" >&2
    echo "pg_cluster: initdb failed (see above)" >&2
    exit 1
  fi
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$pg_ctl" -D "$data/data" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      echo "postgresql://estore@127.0.0.1:$port/postgres" >"$state/url"
      echo "pg_cluster: PostgreSQL $("$initdb" --version | awk '{print $3}') running as $owner on 127.0.0.1:$port in $data"
      return 0
    fi
    echo "pg_cluster: start on port $port failed (attempt $attempt)" >&2
  done
  tail -n 30 "$log" >&2
  exit 1
}

case $command in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
