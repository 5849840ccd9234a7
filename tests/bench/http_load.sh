#!/bin/sh
# The load figures of docs/http.md#load: `jobcenter serve` on a register of RECORDS generated records
# (seed 7, built with `register import --link` unless DB names one already built), then
#   1. the entry-time check at 2,000 requests/s for 60 s (jobcenter_http_load, open loop, 16 connections);
#   2. rates from START_RATE up in steps of STEP_RATE, 30 s each, until p99 passes 10 ms or a request fails;
#   3. 50 clients mixing checks, contact-add and review-decide for 60 s, every acknowledged write looked up;
#   4. wrk (closed loop, 16 connections, 30 s) sending the same check requests, as a peer figure.
# The mixed run writes to a copy of the register. Usage:
#   tests/bench/http_load.sh [BUILD_DIR] [RECORDS] [DB]      (START_RATE=2500 STEP_RATE=500 THREADS=2)
# GENERATE_FLAGS: more generate_registers flags (--classic: the registers of before 2026-12-07, which the
# figures measured before that day were on).
set -eu
build=$(cd "${1:-build}" && pwd)
records=${2:-1000000}
given_db=${3:-}
start_rate=${START_RATE:-2500}
step_rate=${STEP_RATE:-500}
threads=${THREADS:-2}
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
export JOBCENTER_NOW=2026-01-15T10:00:00Z
jc="$build/jobcenter"

if [ -n "$given_db" ]; then
  cp "$given_db" "$tmp/register.db"
else
  echo "building a register of $records records" >&2
  # shellcheck disable=SC2086 # GENERATE_FLAGS is a list of flags
  "$build/generate_registers" ${GENERATE_FLAGS:-} --records "$records" --seed 7 --out "$tmp/regs.csv" > /dev/null
  for unit in uusix avotyo pakila vallila capsa toolo tuettu; do
    "$jc" --db "$tmp/register.db" --quiet --role admin unit add "$unit" --title "$unit" --organisation KUTY > /dev/null
  done
  "$jc" --db "$tmp/register.db" --quiet --role coordinator register import "$tmp/regs.csv" --unit-column unit --link > /dev/null
fi

secret() {  # NAME UNIT ROLE: a new token's secret
  "$jc" --db "$tmp/register.db" --format json token add "$1" ${2:+--unit "$2"} --role "$3" --tokens "$tmp/tokens" |
    sed -n 's/.*"secret": *"\([^"]*\)".*/\1/p'
}
staff=$(secret load-uusix uusix staff)
coordinator=$(secret load-coordinator "" coordinator)
cat > "$tmp/serve.conf" <<CONF
listen = 127.0.0.1:0
database = $tmp/register.db
tokens = $tmp/tokens
threads = $threads
CONF

mkfifo "$tmp/out"
"$jc" --quiet serve --config "$tmp/serve.conf" > "$tmp/out" &
server=$!
read -r line < "$tmp/out"
port=${line##*:}
echo "$line (threads $threads); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

load="$build/jobcenter_http_load --port $port --token $staff --records $records --seed 7"
echo "== check at 2000/s for 60 s"
$load --rate 2000 --seconds 60 --connections 16 || true

echo "== the highest rate with p99 <= 10 ms (30 s each)"
rate=$start_rate
while :; do
  result=$($load --rate "$rate" --seconds 30 --connections 16 --warmup 0 || true)
  echo "$result" | grep '^all:'
  p99=$(echo "$result" | sed -n 's/^all:.* p99 \([0-9.]*\) ms.*/\1/p')
  if echo "$result" | grep -q FAILURES || [ "$(awk "BEGIN { print ($p99 > 10) }")" = 1 ]; then
    echo "held up to $((rate - step_rate))/s"
    break
  fi
  rate=$((rate + step_rate))
done

echo "== 50 clients mixing checks, contacts and review decisions for 60 s"
$load --mode mixed --coordinator-token "$coordinator" --db "$tmp/register.db" --rate 500 --seconds 60 \
  --connections 50 || true

echo "== wrk, 16 connections, 30 s (closed loop)"
"$build/jobcenter_http_load" --bodies-out "$tmp/bodies" --records "$records" --seed 7
JOBCENTER_TOKEN=$staff JOBCENTER_BODIES=$tmp/bodies wrk -t 1 -c 16 -d 30s -s "$(dirname "$0")/http_load_check.lua" "http://127.0.0.1:$port" |
  grep -E '^wrk:|Requests/sec'
