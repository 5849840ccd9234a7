#!/usr/bin/env bash
# Jobcenter's register (import + dedupe) against a PostgreSQL pg_trgm similarity self-join on the same
# generated records, in one run: both times, both pairwise F1 scores (../shared/tools/pairwise_f1.py
# against the generator's truth) and the time ratio pg/jobcenter.
# usage: tests/bench/register_vs_pg_trgm.sh [BUILD_DIR] [N...]        (default: build 10000)
#
# The peer: COPY the records into a throwaway PostgreSQL cluster (initdb in a temp dir, pg_ctl on
# 127.0.0.1 at a free port, stopped and removed on exit), CREATE EXTENSION pg_trgm, a GIN trigram index
# on lower(name), the self-join `lower(a.name) % lower(b.name)` with pg_trgm.similarity_threshold set to
# each of $PG_TRGM_THRESHOLDS (default "0.5"; e.g. PG_TRGM_THRESHOLDS="0.5 0.7"), the pairs exported
# with \copy and made into clusters by union-find in python3 (connected components). The pg time of a
# threshold counts all of it: COPY, index, join, export, union-find. Server settings are PostgreSQL's
# defaults. The peer compares names only, as a pg_trgm dedupe usually does.
# Needs the Debian packages postgresql and postgresql-contrib.
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-10000}")
read -r -a thresholds <<< "${PG_TRGM_THRESHOLDS:-0.5}"
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared
export JOBCENTER_NOW=2026-01-15T10:00:00Z

# --- PostgreSQL binaries and pg_trgm -------------------------------------------------------------------
missing=()
pg_bin=""
for dir in /usr/lib/postgresql/*/bin; do [[ -x $dir/initdb && -x $dir/pg_ctl ]] && pg_bin=$dir; done
[[ -n $pg_bin ]] || missing+=(postgresql)
if [[ -n $pg_bin ]]; then
  share=$("$pg_bin/pg_config" --sharedir 2>/dev/null || echo "/usr/share/postgresql/$(basename "$(dirname "$pg_bin")")")
  [[ -f $share/extension/pg_trgm.control ]] || missing+=(postgresql-contrib)
else
  missing+=(postgresql-contrib)
fi
command -v psql > /dev/null || missing+=(postgresql-client)
if ((${#missing[@]})); then
  echo "register_vs_pg_trgm: missing Debian packages: ${missing[*]}" >&2
  echo "  install them with: apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 2
fi
for tool in "$build/jobcenter" "$build/generate_registers"; do
  [[ -x $tool ]] || { echo "register_vs_pg_trgm: $tool not built (cmake --build $build)" >&2; exit 2; }
done

# --- a throwaway cluster, owned by a non-root user when run as root -------------------------------------
tmp=$(mktemp -d)
pgdata=$tmp/pgdata
as_owner=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  id -u "$owner" > /dev/null 2>&1 || { echo "register_vs_pg_trgm: run as root, but there is no user '$owner' to own the cluster" >&2; exit 2; }
  as_owner=(runuser -u "$owner" --)
  chmod 755 "$tmp"
  mkdir "$pgdata" && chown "$owner" "$pgdata"
fi
started=0
cleanup() {
  if ((started)); then "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -m immediate stop > /dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${as_owner[@]}" "$pg_bin/initdb" -D "$pgdata" -U "$owner" --auth=trust -E UTF8 --locale=C.UTF-8 > "$tmp/initdb.log" 2>&1 ||
  { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=''" start > /dev/null ||
  { cat "$pgdata/server.log" >&2; exit 1; }
started=1
psql_run() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$owner" -d postgres "$@"; }
pg_version=$(psql_run -At -c 'SHOW server_version')

now() { python3 -c 'import time; print(time.monotonic())'; }
elapsed() { python3 -c "import sys; print('%.2f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$1" "$2"; }
f1_of() { sed -n 's/.*f1=\([0-9.]*\).*/\1/p' <<< "$1"; }

results=()
for n in "${sizes[@]}"; do
  regs=$tmp/regs-$n.csv truth=$tmp/truth-$n.csv
  # shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
  "$build/generate_registers" ${GENERATE_FLAGS:-} --records "$n" --seed 7 --out "$regs" --truth "$truth" > /dev/null

  # Jobcenter: import + dedupe (unit set-up and the cluster export are not timed).
  db=$tmp/jobcenter-$n.db
  jc=("$build/jobcenter" --db "$db" --quiet)
  for unit in uusix avotyo pakila vallila capsa toolo tuettu; do
    "${jc[@]}" --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
  done
  t0=$(now)
  "${jc[@]}" --role coordinator register import "$regs" --unit-column unit > /dev/null
  "${jc[@]}" --role coordinator register dedupe > /dev/null
  t1=$(now)
  jc_s=$(elapsed "$t0" "$t1")
  "${jc[@]}" register export-clusters --format csv > "$tmp/jc-clusters-$n.csv"
  jc_line=$(python3 "$shared/tools/pairwise_f1.py" "$truth" unit,source_id true_id "$tmp/jc-clusters-$n.csv" unit,source_id orderer_id)

  # PostgreSQL pg_trgm: load and index once, then per threshold the self-join, the pairs' export and
  # union-find; each threshold's time is load+index plus its own join and union-find.
  t0=$(now)
  psql_run <<SQL
DROP TABLE IF EXISTS regs;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE regs (unit text, source_id text, name text, business_id text, street text, postcode text,
                   city text, phone text, email text, contact text);
\copy regs FROM '$regs' WITH (FORMAT csv, DELIMITER ';', HEADER true)
ALTER TABLE regs ADD COLUMN rid serial PRIMARY KEY, ADD COLUMN lname text;
UPDATE regs SET lname = lower(coalesce(name, ''));
CREATE INDEX regs_lname_trgm ON regs USING gin (lname gin_trgm_ops);
ANALYZE regs;
\copy (SELECT rid, unit, source_id FROM regs) TO '$tmp/pg-records-$n.csv' WITH (FORMAT csv)
SQL
  t1=$(now)
  load_s=$(elapsed "$t0" "$t1")
  echo "N=$n jobcenter: $jc_s s, $jc_line" >&2
  for threshold in "${thresholds[@]}"; do
    t1=$(now)
    psql_run <<SQL
SET pg_trgm.similarity_threshold = $threshold;
\copy (SELECT a.rid, b.rid FROM regs a JOIN regs b ON a.lname % b.lname AND a.rid < b.rid) TO '$tmp/pg-pairs-$n.csv' WITH (FORMAT csv)
SQL
    t2=$(now)
    python3 - "$tmp/pg-records-$n.csv" "$tmp/pg-pairs-$n.csv" "$tmp/pg-clusters-$n.csv" <<'PY'
import csv, sys
records = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
parent = {r[0]: r[0] for r in records}
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for a, b in csv.reader(open(sys.argv[2], newline='')):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb, key=int)] = min(ra, rb, key=int)
with open(sys.argv[3], 'w', newline='', encoding='utf-8') as out:
    w = csv.writer(out)
    w.writerow(['unit', 'source_id', 'cluster'])
    for rid, unit, source_id in records:
        w.writerow([unit, source_id, find(rid)])
PY
    t3=$(now)
    pg_s=$(python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) + float(sys.argv[3]) - float(sys.argv[2])))" "$load_s" "$t1" "$t3")
    pairs=$(wc -l < "$tmp/pg-pairs-$n.csv")
    pg_line=$(python3 "$shared/tools/pairwise_f1.py" "$truth" unit,source_id true_id "$tmp/pg-clusters-$n.csv" unit,source_id cluster)
    echo "N=$n pg_trgm at $threshold: $pg_s s (load+index $load_s s, self-join+export $(elapsed "$t1" "$t2") s," \
         "union-find $(elapsed "$t2" "$t3") s; $pairs pairs), $pg_line" >&2
    results+=("$(printf '%9d  %13s  %12s  %9s  %11s  %10s  %11s' "$n" "$jc_s" "$(f1_of "$jc_line")" "$threshold" "$pg_s" \
      "$(f1_of "$pg_line")" "$(python3 -c "import sys; print('%.1f' % (float(sys.argv[1]) / max(float(sys.argv[2]), 1e-9)))" "$pg_s" "$jc_s")")")
  done
done

echo
echo "PostgreSQL $pg_version with pg_trgm; times in seconds (wall clock); F1 pairwise against the truth"
printf '%9s  %13s  %12s  %9s  %11s  %10s  %11s\n' N "jobcenter (s)" "jobcenter F1" threshold "pg_trgm (s)" "pg_trgm F1" "ratio pg/jc"
printf '%s\n' "${results[@]}"
