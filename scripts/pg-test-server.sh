#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests (Debian's postgresql package), print its
# SQLAlchemy URL. Usage: scripts/pg-test-server.sh start|stop [DIR]. Installs the server with
# apt when it is missing. Listens only on a Unix socket in DIR (no TCP port).
set -euo pipefail
action=${1:-start}
dir=${2:-/tmp/fieldreport-pg}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir" 2>/dev/null || true
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories=$dir -c fsync=off" start >/dev/null
    as_pg "$bin/createdb" -h "$dir" -U postgres fieldreport_test
    echo "postgresql+psycopg://postgres@/fieldreport_test?host=$dir"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    ;;
esac
