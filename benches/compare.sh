#!/usr/bin/env bash
# Two cx2fa binaries side by side on the client figures of benches/run.sh, in one run, against
# the same sandboxes (served by the second binary): a before/after check for a change that
# should not move them. Rounds alternate between the two so that drift hits both alike.
# Usage: bash benches/compare.sh BEFORE AFTER     (about 5 minutes on 2 cores)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: bash benches/compare.sh BEFORE_BINARY AFTER_BINARY" >&2; exit 2; }
A=$(realpath "$1"); B=$(realpath "$2")
command -v hyperfine >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
W=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$W"' EXIT
export NO_COLOR=1 XDG_STATE_HOME=$W/state XDG_CONFIG_HOME=$W/config
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
. "$(dirname "$0")/sandbox-secrets.sh"
start_sandbox() {
  local port; port=$(free_port)
  "$B" sandbox --port "$port" --users "$1" --token-lifetime 3600 > "$W/sb.out" 2>&1 &
  SB_PID=$!
  until curl -fs "http://127.0.0.1:$port/sandbox/health" >/dev/null 2>&1; do sleep 0.01; done
  sandbox_secrets "$W/sb.out"
  export CX2FA_URL=http://127.0.0.1:$port CX2FA_TENANT=expertflow CX2FA_USERNAME=admin
}
stop_sandbox() { kill "$SB_PID" 2>/dev/null; wait "$SB_PID" 2>/dev/null || true; }
seq 1 10000 | awk '{ printf "user%06d\n", $1 }' > "$W/names.txt"

echo "== user reset of 10,000 users (--concurrency 8 --fixed-concurrency), 5 rounds each, alternating"
: > "$W/ra"; : > "$W/rb"
for round in 1 2 3 4 5; do
  for side in a b; do
    bin=$A; [ $side = b ] && bin=$B
    start_sandbox 10000
    t0=$(now)
    "$bin" user reset --from "$W/names.txt" --yes -q --concurrency 8 --fixed-concurrency > /dev/null
    echo "$(now) - $t0" | bc -l >> "$W/r$side"
    stop_sandbox
  done
done
RA=$(median < "$W/ra"); RB=$(median < "$W/rb")

export CX2FA_USER_PASSWORD=agent-pass
echo "== user status -o json over 10,000 users; simulate-login (EMAIL, OTP from the outbox)"
start_sandbox 10000
hyperfine -N -w 1 -r 7 --export-json "$W/status.json" "$A user status -o json" "$B user status -o json" > /dev/null
hyperfine -N -w 2 -r 20 --export-json "$W/login.json" \
  "$A simulate-login --user agent.email --otp-from-outbox -q --otp-manager-url $CX2FA_URL/otp-manager/" \
  "$B simulate-login --user agent.email --otp-from-outbox -q --otp-manager-url $CX2FA_URL/otp-manager/" > /dev/null
stop_sandbox

echo "== --version start-up; config validate of 1,000 tenant files"
hyperfine -N -w 20 -r 300 --export-json "$W/start.json" "$A --version" "$B --version" > /dev/null
mkdir -p "$W/tenants"
"$B" sandbox --print-seed | python3 -c '
import json, sys, copy
seed = json.load(sys.stdin)["tenants"][0]
for i in range(1000):
    t = copy.deepcopy(seed)
    t["tenantId"] = t["tenantName"] = "tenant%04d" % i
    json.dump(t, open(sys.argv[1] + "/t%04d.json" % i, "w"), indent=2)
' "$W/tenants"
FILES=$(ls "$W"/tenants/t*.json | tr '\n' ' ')
hyperfine -N -w 2 -r 10 --export-json "$W/val.json" "$A config validate -q $FILES" "$B config validate -q $FILES" > /dev/null

pair() { python3 -c 'import json,sys;r=json.load(open(sys.argv[1]))["results"];print("%.2f %.2f" % (r[0]["median"]*1000, r[1]["median"]*1000))' "$1"; }
row() { awk -v n="$1" -v a="$2" -v b="$3" -v u="$4" 'BEGIN { printf "| %s | %.2f %s | %.2f %s | %.3f |\n", n, a, u, b, u, b / a }'; }
{
  echo "| figure (median) | before | after | after / before |"
  echo "|---|---|---|---|"
  row "\`user reset\` 10,000 rows, wall" "$RA" "$RB" s
  read -r a b < <(pair "$W/status.json"); row "\`user status -o json\`, 10,012 users" "$a" "$b" ms
  read -r a b < <(pair "$W/login.json"); row "\`simulate-login\` EMAIL end to end" "$a" "$b" ms
  read -r a b < <(pair "$W/start.json"); row "\`--version\` start-up" "$a" "$b" ms
  read -r a b < <(pair "$W/val.json"); row "\`config validate\`, 1,000 files" "$a" "$b" ms
} | tee "$W/table.md"
echo "reset rounds (s): before $(tr '\n' ' ' < "$W/ra"); after $(tr '\n' ' ' < "$W/rb")"
