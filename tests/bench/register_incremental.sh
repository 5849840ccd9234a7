#!/usr/bin/env bash
# Incremental linking against a run over the whole register, on generated Finnish unit registers: import
# all records but every LATER_EVERY-th (default 20: 95 %) and dedupe them, import the rest and dedupe
# incrementally; in another database import everything and dedupe once. Reports both times, how many
# records the incremental run recomputed, and how far its clusters are from the full run's (pairwise F1
# of one against the other, and clusters that differ), plus each one's F1 against the truth. (A share that
# takes the register past a step of its size, e.g. 10 % at 20,000, makes the second run a whole one.)
# CHANGE_EVERY=K also re-imports every K-th record of the first part changed in place (name, phone, street,
# email) with the later part.
# usage: [LATER_EVERY=N] [CHANGE_EVERY=K] tests/bench/register_incremental.sh [BUILD_DIR] [N...]
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -euo pipefail
build=${1:-build}
shift || true
sizes=("${@:-20000}")
shared=$(cd "$(dirname "$0")/../../.." && pwd)/shared
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z

seconds() { /usr/bin/time -f "%e" -o "$tmp/t" "$@" > "$tmp/out" && cat "$tmp/t"; }

for n in "${sizes[@]}"; do
  # shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
  "$build/generate_registers" ${GENERATE_FLAGS:-} --records "$n" --seed 7 --out "$tmp/all.csv" --truth "$tmp/truth.csv" > /dev/null
  python3 - "$tmp" "${LATER_EVERY:-20}" "${CHANGE_EVERY:-0}" <<'PY'
import csv, sys
d, every, change = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = list(csv.reader(open(f'{d}/all.csv', newline='', encoding='utf-8'), delimiter=';'))
header, body = rows[0], rows[1:]
first = [r for i, r in enumerate(body) if i % every != every - 1]
later = [r for i, r in enumerate(body) if i % every == every - 1]
# Every CHANGE_EVERY-th record of the first file comes again in the later one, changed in place: another
# record's name, no phone, another record's street, another record's email, or a common word added.
for k, i in enumerate(range(0, len(first), change) if change > 0 else []):
    r, other = list(first[i]), first[(i * 7919 + 13) % len(first)]
    kind = k % 5
    if kind == 0: r[2] = other[2]
    elif kind == 1: r[7] = ''
    elif kind == 2: r[4], r[5] = other[4], other[5]
    elif kind == 3: r[8] = other[8]
    else: r[2] += ' Palvelut'
    later.append(r)
for name, part in (('first', first), ('later', later)):
    with open(f'{d}/{name}.csv', 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, delimiter=';')
        w.writerow(header)
        w.writerows(part)
PY
  rm -f "$tmp"/inc.db* "$tmp"/full.db*
  for db in inc full; do
    for unit in uusix avotyo pakila vallila capsa toolo tuettu; do
      "$build/jobcenter" --db "$tmp/$db.db" --quiet --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
    done
  done
  jc=("$build/jobcenter" --quiet --role coordinator --format json)
  "${jc[@]}" --db "$tmp/inc.db" register import "$tmp/first.csv" --unit-column unit > /dev/null
  "${jc[@]}" --db "$tmp/inc.db" register dedupe > /dev/null
  "${jc[@]}" --db "$tmp/inc.db" register import "$tmp/later.csv" --unit-column unit > /dev/null
  inc_s=$(seconds "${jc[@]}" --db "$tmp/inc.db" register dedupe)
  recomputed=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['mode'], r['reclustered'])" "$tmp/out")
  "${jc[@]}" --db "$tmp/full.db" register import "$tmp/first.csv" --unit-column unit > /dev/null
  "${jc[@]}" --db "$tmp/full.db" register import "$tmp/later.csv" --unit-column unit > /dev/null
  full_s=$(seconds "${jc[@]}" --db "$tmp/full.db" register dedupe)
  for db in inc full; do
    "$build/jobcenter" --db "$tmp/$db.db" register export-clusters --format csv > "$tmp/$db.clusters.csv"
  done
  agreement=$(python3 "$shared/tools/pairwise_f1.py" "$tmp/full.clusters.csv" unit,source_id orderer_id \
    "$tmp/inc.clusters.csv" unit,source_id orderer_id)
  differing=$(python3 - "$tmp" <<'PY'
import csv, sys
def clusters(path):
    groups = {}
    for r in csv.DictReader(open(path)):
        groups.setdefault(r['orderer_id'], set()).add((r['unit'], r['source_id']))
    return {frozenset(g) for g in groups.values()}
a, b = clusters(f'{sys.argv[1]}/inc.clusters.csv'), clusters(f'{sys.argv[1]}/full.clusters.csv')
print(f'{len(b - a)} of {len(b)} full-run clusters differ')
PY
)
  truth_inc=$(python3 "$shared/tools/pairwise_f1.py" "$tmp/truth.csv" unit,source_id true_id "$tmp/inc.clusters.csv" unit,source_id orderer_id)
  truth_full=$(python3 "$shared/tools/pairwise_f1.py" "$tmp/truth.csv" unit,source_id true_id "$tmp/full.clusters.csv" unit,source_id orderer_id)
  echo "$n records, 1 in ${LATER_EVERY:-20} new: ${recomputed% *} dedupe $inc_s s (${recomputed#* } records recomputed), full dedupe $full_s s"
  echo "  incremental against full: $agreement; $differing"
  f1_of() { sed -E 's/.*f1=([0-9.]+).*/\1/' <<< "$1"; }
  echo "  against the truth: incremental F1 $(f1_of "$truth_inc"), full F1 $(f1_of "$truth_full")"
done
