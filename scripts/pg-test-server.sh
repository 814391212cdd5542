#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests, print its SQLAlchemy URL.
# Usage: scripts/pg-test-server.sh start|stop [DIR]. Listens only on a Unix socket in DIR (no
# TCP port); data and log live in DIR too. The server binaries (initdb, pg_ctl, postgres) come
# from PATH, else from Debian's /usr/lib/postgresql/<version>/bin, else the postgresql package
# is installed with apt. As root, the server runs as the user postgres (initdb refuses root),
# created when missing.
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/fieldreport-pg}

find_bin() {
  local on_path
  on_path=$(command -v pg_ctl || true)
  if [ -n "$on_path" ] && [ -x "$(dirname "$on_path")/initdb" ] && [ -x "$(dirname "$on_path")/postgres" ]; then
    dirname "$on_path"
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true
  fi
}
bin=$(find_bin)
if [ -z "$bin" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(find_bin)
fi

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
}

case "$action" in
  start)
    stop # a server left running in DIR would lose its files under it
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      getent group postgres >/dev/null || groupadd --system postgres
      useradd --system --gid postgres --no-create-home --shell /usr/sbin/nologin postgres
    fi
    rm -rf "$dir" && mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    # single-user mode creates the database without a client program (createdb, psql)
    echo "CREATE DATABASE fieldreport_test" | as_pg "$bin/postgres" --single -D "$dir/data" postgres \
      >"$dir/create.log" 2>&1 || { cat "$dir/create.log" >&2; exit 1; }
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
    echo "postgresql+psycopg://postgres@/fieldreport_test?host=$dir"
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
