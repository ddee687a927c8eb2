#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster (Unix socket, temporary folder).
# Without PostgreSQL server binaries it says so and exits 0, unless CI=true (CI skips nothing).
set -euo pipefail

bindir=""
for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -Vr); do
  if [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then bindir=$(dirname "$(command -v initdb)"); fi
if [ -z "$bindir" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "FOUT: geen PostgreSQL-serverprogramma's (initdb) gevonden; CI slaat niets over." >&2
    exit 1
  fi
  echo "OVERGESLAGEN: de testgroep 'PostgreSQL' — geen PostgreSQL-serverprogramma's (initdb) op deze machine."
  echo "  Installeer ze (Debian: apt-get install postgresql-15) om de suite ook op PostgreSQL te draaien."
  exit 0
fi

tmp=$(mktemp -d /tmp/regietafel-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: run the cluster as the postgres (or nobody) user.
  owner=$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)
  chown "$owner" "$tmp"
  as_owner=(runuser -u "$owner" --)
fi

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap stop EXIT INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$tmp/data" -U regietafel -A trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-k $tmp -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
  || { cat "$tmp/server.log" >&2; exit 1; }
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') gestart in $tmp (socket)"

export DATABASE_URL="postgres://regietafel@/regietafel?host=$tmp"
"${as_owner[@]}" "$bindir/createdb" -h "$tmp" -U regietafel regietafel
"$@"
