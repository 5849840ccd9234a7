#!/usr/bin/env bash
# How useful the weak-bridge review items are on a labelled file: imports the Chicago early-childhood
# file, deduplicates it with the default rules, and counts the bridge items and how many of them join
# two parts with no true id in common (the links a person reviewing them would rightly split).
# usage: tests/bench/register_bridges.sh [BUILD_DIR] [SHARED_DIR]
set -euo pipefail
build=${1:-build}
shared=${2:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z
chicago="$shared/data/dedupe-examples/csv_example_input_with_true_ids.csv"
jc=("$build/jobcenter" --db "$tmp/bridges.db" --quiet)
"${jc[@]}" --role admin unit add chicago --title chicago --organisation OTHER > /dev/null
"${jc[@]}" register import --unit chicago "$chicago" --id-column Id --map "name=Site name" --map postcode=Zip \
  --map "email=Email Address" --phone-country 1 > /dev/null
"${jc[@]}" --role coordinator register dedupe > /dev/null
"${jc[@]}" register review list --limit 10000 --format json > "$tmp/queue.json"
python3 - "$chicago" "$tmp/queue.json" "$build/jobcenter" "$tmp/bridges.db" <<'PY'
import csv, json, subprocess, sys
truth_file, queue_file, jobcenter, db = sys.argv[1:5]
truth = {r["Id"]: r["True Id"] for r in csv.DictReader(open(truth_file, encoding="utf-8"))}
rows = json.load(open(queue_file))["rows"]
bridges = [r for r in rows if r["kind"] == "bridge"]
apart = 0
for r in bridges:
    shown = json.loads(subprocess.run([jobcenter, "--db", db, "--quiet", "register", "review", "show", str(r["item"]),
                                       "--format", "json"], capture_output=True, text=True, check=True).stdout)
    stays = {truth[s["source_id"]] for s in shown["stays"]["sources"]}
    part = {truth[s["source_id"]] for s in shown["part"]["sources"]}
    apart += not (stays & part)
print(f"review queue {len(rows)} items: {len(rows) - len(bridges)} pairs, {len(bridges)} weak bridges, "
      f"{apart} of them joining parts with no true id in common")
PY
