#!/usr/bin/env bash
# A unit's everyday import into a big register: NEW new records (`generate_registers --seed 99`, ids
# prefixed with N) imported with `register import --link` into a register of RECORDS generated records
# (seed 7) that was itself made by one `import --link`. Two builds alternated in rounds of A B B A, each run
# on a fresh copy of its build's register after `sync` (each build makes its own register: the schema may
# differ). Prints each run's wall time, mode and records recomputed, the medians and the ratio of the
# medians; then checks build B's result against `register dedupe --full` on a copy of the same register
# (clusters that differ).
# usage: tests/bench/register_everyday.sh BUILD_A BUILD_B [RECORDS (1000000)] [NEW (5000)] [ROUNDS (2)]
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 BUILD_A BUILD_B [RECORDS (1000000)] [NEW (5000)] [ROUNDS (2)]" >&2
  exit 2
fi
a=$1
b=$2
records=${3:-1000000}
new=${4:-5000}
rounds=${5:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z
units=(uusix avotyo pakila vallila capsa toolo tuettu)

# shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
"$b/generate_registers" ${GENERATE_FLAGS:-} --records "$records" --seed 7 --out "$tmp/register.csv" --truth "$tmp/truth.csv" > /dev/null
# shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
"$b/generate_registers" ${GENERATE_FLAGS:-} --records "$new" --seed 99 --out "$tmp/new-plain.csv" --truth "$tmp/new-truth.csv" > /dev/null
python3 - "$tmp/new-plain.csv" "$tmp/new.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), delimiter=';'))
with open(sys.argv[2], 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, delimiter=';')
    w.writerow(rows[0])
    for r in rows[1:]:
        r[1] = 'N' + r[1]  # ids of their own: new records, not re-imports of the register's
        w.writerow(r)
PY

base() {  # BUILD DB: the register as one import --link makes it
  for unit in "${units[@]}"; do "$1/jobcenter" --db "$2" --quiet --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null; done
  "$1/jobcenter" --db "$2" --quiet --role coordinator register import "$tmp/register.csv" --unit-column unit --link > /dev/null
}
base "$a" "$tmp/a.db"
base "$b" "$tmp/b.db"

declare -a times_a times_b
run() {  # SIDE BUILD
  cp "$tmp/$1.db" "$tmp/run.db"
  rm -f "$tmp/run.db-wal" "$tmp/run.db-shm"
  sync
  /usr/bin/time -f "%e" -o "$tmp/t" "$2/jobcenter" --db "$tmp/run.db" --quiet --role coordinator --format json \
    register import "$tmp/new.csv" --unit-column unit --link > "$tmp/run.json"
  local s
  s=$(cat "$tmp/t")
  echo "$1 $s s  $(python3 -c "import json,sys; l=json.load(open(sys.argv[1]))['linked']; print(l['mode'], l['reclustered'], 'recomputed')" "$tmp/run.json")"
  if [ "$1" = a ]; then times_a+=("$s"); else times_b+=("$s"); for f in "$tmp"/run.db*; do mv "$f" "${f/run.db/b-result.db}"; done; fi
}
for _ in $(seq "$rounds"); do
  run a "$a"
  run b "$b"
  run b "$b"
  run a "$a"
done
python3 - "${times_a[*]}" "${times_b[*]}" <<'PY'
import statistics, sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f'median A {ma:.2f} s ({min(a):.2f}-{max(a):.2f}), median B {mb:.2f} s ({min(b):.2f}-{max(b):.2f}), B / A {mb / ma:.2f}')
PY

# Build B's incremental result (its last run's database) against a run over the whole register.
"$b/jobcenter" --db "$tmp/b-result.db" register export-clusters --format csv > "$tmp/incremental.csv"
cp "$tmp/b.db" "$tmp/whole.db"
rm -f "$tmp/whole.db-wal" "$tmp/whole.db-shm"
"$b/jobcenter" --db "$tmp/whole.db" --quiet --role coordinator register import "$tmp/new.csv" --unit-column unit > /dev/null
"$b/jobcenter" --db "$tmp/whole.db" --quiet --role coordinator register dedupe --full > /dev/null
"$b/jobcenter" --db "$tmp/whole.db" register export-clusters --format csv > "$tmp/whole.csv"
python3 - "$tmp/incremental.csv" "$tmp/whole.csv" <<'PY'
import csv, sys
def clusters(path):
    groups = {}
    for r in csv.DictReader(open(path)):
        groups.setdefault(r['orderer_id'], set()).add((r['unit'], r['source_id']))
    return {frozenset(g) for g in groups.values()}
inc, whole = clusters(sys.argv[1]), clusters(sys.argv[2])
print(f'B incremental against a whole run: {len(whole - inc)} of {len(whole)} clusters differ')
PY
