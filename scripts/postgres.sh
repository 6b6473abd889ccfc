#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests of mentor-server and prints its URL on standard
# output (everything else goes to standard error):
#   export MENTOR_TEST_POSTGRES_URL="$(bash scripts/postgres.sh)"
# Installs Debian's `postgresql` when it is missing (apt-get, as root), then starts a cluster
# owned by the `postgres` user in a temporary directory, on a free port, listening on
# 127.0.0.1 only, with a database `mentor`. A rerun reuses the running cluster it left
# (target/postgres/url); stop it with `bash scripts/postgres.sh stop`.
set -euo pipefail
cd "$(dirname "$0")/.."
state=target/postgres
mkdir -p "$state"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ "${1:-}" = "stop" ]; then
  if [ -f "$state/datadir" ]; then
    bin="$(find_bin)"
    su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$(cat "$state/datadir")' -m fast stop" >&2 || true
    rm -f "$state/url" "$state/datadir"
  fi
  exit 0
fi

# A cluster this script started and that still answers.
if [ -f "$state/url" ] && [ -f "$state/datadir" ]; then
  bin="$(find_bin)"
  if [ -n "$bin" ] && su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$(cat "$state/datadir")' status" >/dev/null 2>&1; then
    cat "$state/url"
    exit 0
  fi
fi

bin="$(find_bin)"
if [ -z "$bin" ]; then
  echo "installing Debian's postgresql (apt-get)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin="$(find_bin)"
fi
if ! id postgres >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
fi

datadir="$(mktemp -d /tmp/mentor-postgres.XXXXXX)"
chown postgres "$datadir"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
su postgres -s /bin/sh -c "'$bin/initdb' -D '$datadir/data' -U postgres -A trust -E UTF8 --no-locale" >/dev/null
su postgres -s /bin/sh -c "'$bin/pg_ctl' -D '$datadir/data' -l '$datadir/log' -w -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$datadir' -c max_connections=200 -c fsync=off\" start" >&2
su postgres -s /bin/sh -c "'$bin/createdb' -h 127.0.0.1 -p $port -U postgres mentor"
url="postgres://postgres@127.0.0.1:$port/mentor"
echo "$datadir/data" > "$state/datadir"
echo "$url" > "$state/url"
echo "$url"
