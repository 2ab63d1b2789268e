#!/usr/bin/env bash
# Fault soak: policy apply/restore and bulk resets against a sandbox answering 20% of requests
# with a fault (500, 429, reset connection, slow, 500-after-write), for SECONDS (default 600).
# Then the stored state is checked directly (the sandbox's state file, not through the faults):
# no field of the tenant lost, never a half-applied policy, every bulk row reported exactly
# once, no user attribute outside the enrolment set lost. Exit 0 only when all hold.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
cargo build --release --locked -q
B=$PWD/target/release/cx2fa
W=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$W"' EXIT
export NO_COLOR=1 XDG_STATE_HOME=$W/state XDG_CONFIG_HOME=$W/config
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"$B" sandbox --port "$port" --users 2000 --token-lifetime 3600 --state "$W/state.json" \
  --faults "rate=0.2,kinds=500|429|reset|slow|500-after-write,seed=$RANDOM" > "$W/sb.out" 2>&1 &
until curl -fs "http://127.0.0.1:$port/sandbox/health" >/dev/null 2>&1; do sleep 0.05; done
. "$(dirname "$0")/sandbox-secrets.sh"; sandbox_secrets "$W/sb.out"
export CX2FA_URL=http://127.0.0.1:$port CX2FA_TENANT=expertflow CX2FA_USERNAME=admin
"$B" sandbox --print-seed > "$W/seed.json"
sleep 1; cp "$W/state.json" "$W/initial.json"

end=$((SECONDS + SECONDS_TO_RUN)); round=0; ok=0; failed=0
while ((SECONDS < end)); do
  round=$((round + 1))
  case $((round % 3)) in
    0) args=(policy enable --channel SMS --identifier +15550001000 --expiry 90) ;;
    1) args=(policy enable --channel EMAIL --identifier support@example.test --expiry 60) ;;
    2) backup=$(ls "$XDG_STATE_HOME"/cx2fa/backups/ 2>/dev/null | shuf -n1 || true)
       args=(tenant restore "${backup:-none}") ;;
  esac
  if "$B" "${args[@]}" --yes -q >/dev/null 2>>"$W/errors.log"; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
  shuf -i 1-2000 -n 200 | awk '{ printf "user%06d\n", $1 }' > "$W/rows.txt"
  "$B" user reset --from "$W/rows.txt" --yes -q --report "$W/report-$round.ndjson" >/dev/null 2>>"$W/errors.log" || true
  python3 - "$W/rows.txt" "$W/report-$round.ndjson" <<'PY'
import json, sys, collections
rows = [l.strip() for l in open(sys.argv[1]) if l.strip()]
reported = collections.Counter(json.loads(l)["username"] for l in open(sys.argv[2]))
want = collections.Counter(rows)
assert reported == want, f"report rows differ from input rows: {set(want) ^ set(reported)}"
PY
done
sleep 1.5  # the sandbox saves its state every 0.5 s
python3 - "$W/initial.json" "$W/state.json" <<'PY'
import json, sys
ENROLMENT = {"is2FARegistered", "twoFAChannel", "tempOTPSecret", "otpSecret", "customerChannelIdentifier",
             "phoneNumber", "channelServiceIdentifier", "otpExpiry", "otpMaxAttempts", "channelType"}
before, after = (json.load(open(p)) for p in sys.argv[1:3])
def rest(t):
    t = json.loads(json.dumps(t))
    t["tenantSettings"].pop("twoFAConfigs", None)
    t["tenantSettings"]["keyCloak"].pop("Otp_Manager_Url", None)
    return json.dumps(t, sort_keys=False)
b = {t["tenantId"]: t for t in before["tenants"]}
for t in after["tenants"]:
    assert rest(t) == rest(b[t["tenantId"]]), f"tenant {t['tenantId']} lost or changed a field"
cfg = next(t for t in after["tenants"] if t["tenantId"] == "expertflow")["tenantSettings"]["twoFAConfigs"]
whole = [{"channelType": "SMS", "channelServiceIdentifier": "+15550001000", "otpExpiry": 90},
         {"channelType": "EMAIL", "channelServiceIdentifier": "support@example.test", "otpExpiry": 60},
         {"channelType": "EMAIL", "channelServiceIdentifier": "otp-mail@example.test", "otpExpiry": 60}]
assert any(all(cfg.get(k) == v for k, v in w.items()) for w in whole), f"half-applied policy: {cfg}"
lost = 0
for name, users in before["realms"].items():
    for key, u in users["users"].items():
        now = after["realms"][name]["users"][key].get("attributes") or {}
        for k, v in (u.get("attributes") or {}).items():
            if k not in ENROLMENT and now.get(k) != v:
                lost += 1
assert lost == 0, f"{lost} attribute(s) outside the enrolment set lost"
print("state checks: ok")
PY
echo "soak: ${SECONDS_TO_RUN}s, $round rounds; policy writes ok $ok, refused or failed cleanly $failed; every bulk row reported once; no field lost"
