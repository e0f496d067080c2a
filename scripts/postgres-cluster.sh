# Sourced by run-tests: starts a throw-away PostgreSQL cluster on loopback for the second test run
# and stops it on exit. Needs Debian's postgresql package (the server binaries under
# /usr/lib/postgresql). Sets SWASD_TEST_PG to an admin JDBC URL, or leaves it empty. The tests
# run it with fsync off (they test swasd, not the disk); scripts/bench-postgres sets
# SWASD_PG_FSYNC=on, as a real deployment runs.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
SWASD_TEST_PG=""
if [[ -n $pg_bin && -x $pg_bin/initdb ]]; then
  pg_dir=$(mktemp -d /tmp/swasd-pg.XXXXXX)
  pg_port=$(( 20000 + RANDOM % 20000 ))
  as_pg=()
  if [[ $(id -u) -eq 0 ]]; then
    # PostgreSQL refuses to run as root; the cluster belongs to the postgres user
    chown postgres "$pg_dir"
    as_pg=(runuser -u postgres --)
  fi
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 >"$pg_dir/initdb.log" 2>&1
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=${SWASD_PG_FSYNC:-off} -c max_connections=300" start >/dev/null
  stop_postgres() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pg_dir"; }
  trap stop_postgres EXIT
  SWASD_TEST_PG="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres"
fi
