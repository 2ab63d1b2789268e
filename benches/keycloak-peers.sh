#!/usr/bin/env bash
# cx2fa against the tools a Keycloak admin would use instead, on a REAL Keycloak, in one run:
# kcadm.sh (from the same Keycloak distribution) and python-keycloak (PyPI).
#
#   job a: list every user of a 10,002-user realm with attributes (`cx2fa user status -o json`;
#          kcadm `get users --offset/--limit` pages; python-keycloak `get_users()`)
#   job b: reset the enrolment of 1,000 enrolled users (the six enrolment attributes removed,
#          the others kept; `cx2fa user reset --from FILE --yes`; python-keycloak
#          get_user_id/get_user/update_user per user; kcadm one listing, then `update users/ID
#          -s attributes=...` per user, on KCADM_RESET_ROWS rows only: a JVM a call)
#
# Figures per tool and job: wall time (median of ROUNDS rounds, tool order rotating each round),
# peak RSS (/usr/bin/time -v: the largest process), and the requests Keycloak received (lines of
# its HTTP access log during the run). Prints a Markdown table.
#
# Usage: bash benches/keycloak-peers.sh        (about 25 minutes on a busy 2-core machine)
# Environment: ROUNDS (3), KCADM_RESET_ROWS (50), KC_VERSION (26.7.3), KC_HTTP_PORT (18380),
#   KC_MGMT_PORT (19380), CX2FA_CI_RUN (default /tmp/cx2fa-bench-kcpeers), KEEP=1 keeps the work dir.
# Talks to 127.0.0.1 only (plus PyPI once for the venv and Maven Central when Keycloak is not
# cached yet).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

ROUNDS=${ROUNDS:-3}
KCADM_RESET_ROWS=${KCADM_RESET_ROWS:-50}
KC_VERSION=${KC_VERSION:-26.7.3}
KC_HTTP_PORT=${KC_HTTP_PORT:-18380}
KC_MGMT_PORT=${KC_MGMT_PORT:-19380}
KC_NAME=kcpeers
USERS=10000
RESET_ROWS=1000
export CX2FA_CI_RUN=${CX2FA_CI_RUN:-/tmp/cx2fa-bench-kcpeers}
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/cx2fa-ci
VENV=$CACHE/bench-venv

say() { echo "keycloak-peers: $*" >&2; }
die() { say "$*"; exit 1; }

W=$(mktemp -d /tmp/cx2fa-kcpeers.XXXXXX)
SB_PID=
cleanup() {
  local rc=$?
  if [ -n "$SB_PID" ] && kill -0 "$SB_PID" 2>/dev/null; then
    # Ctrl-C: the sandbox deletes the realm it created upstream, then exits.
    kill -INT "$SB_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SB_PID" 2>/dev/null || break; sleep 0.5; done
    kill "$SB_PID" 2>/dev/null || true
    wait "$SB_PID" 2>/dev/null || true
  fi
  "$ROOT/.ci/keycloak" stop "$KC_NAME" || true
  if [ -n "${KEEP:-}" ]; then say "kept $W"; else rm -rf "$W"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export NO_COLOR=1 XDG_STATE_HOME=$W/state XDG_CONFIG_HOME=$W/config

# --- tools ---------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import keycloak' 2>/dev/null; then
  say "creating $VENV with python-keycloak"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q python-keycloak
fi
PYKC_VERSION=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("python-keycloak"))')
say "cargo build --release"
cargo build --release -q
CX2FA=$ROOT/target/release/cx2fa
"$ROOT/.ci/keycloak" fetch "$KC_VERSION"
KCADM=$CACHE/keycloak/dist/$KC_VERSION/bin/kcadm.sh
[ -x "$KCADM" ] || die "no kcadm.sh at $KCADM"

# --- Keycloak, with its HTTP access log in a file ------------------------------------------------
KC_BOOTSTRAP_ADMIN_PASSWORD=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
export KC_BOOTSTRAP_ADMIN_PASSWORD
# .ci/keycloak passes JVM options through; Keycloak reads kc.* system properties as options.
export CX2FA_CI_KEYCLOAK_HEAP="-Xms256m -Xmx1g"
export CX2FA_CI_KEYCLOAK_JVM_APPEND="-XX:TieredStopAtLevel=1 -Dkc.http-access-log-enabled=true \
-Dkc.http-access-log-file-enabled=true -Dkc.http-access-log-file-rotate=false"
KC=$("$ROOT/.ci/keycloak" start "$KC_NAME" "$KC_VERSION" root "$KC_HTTP_PORT" "$KC_MGMT_PORT" | awk '{ print $2 }')
ACCESS_LOG=$CX2FA_CI_RUN/$KC_NAME/home/data/log/keycloak-http-access.log
[ -f "$ACCESS_LOG" ] || die "no access log at $ACCESS_LOG"

# --- the realm: the sandbox creates bench-<suffix>, then 10,000 users by partialImport -----------
"$CX2FA" sandbox --print-seed | python3 benches/keycloak-realm.py seed >"$W/seed.json"
python3 benches/keycloak-realm.py users "$USERS" "$W"
CX2FA_UPSTREAM_ADMIN_PASSWORD=$KC_BOOTSTRAP_ADMIN_PASSWORD "$CX2FA" sandbox --port 0 --seed "$W/seed.json" \
  --keycloak-upstream "$KC" --keycloak-path root --upstream-unmanaged ENABLED \
  >"$W/sandbox.out" 2>"$W/sandbox.err" &
SB_PID=$!
for _ in $(seq 1 240); do
  grep -q '^  export CX2FA_PASSWORD=' "$W/sandbox.out" 2>/dev/null && break
  kill -0 "$SB_PID" 2>/dev/null || break
  sleep 0.5
done
grep -q '^  export CX2FA_PASSWORD=' "$W/sandbox.out" || die "the sandbox did not start: $(cat "$W/sandbox.err")"
while IFS= read -r line; do
  if [[ $line =~ ^\ \ export\ (CX2FA_[A-Z_]+)=(.*)$ ]]; then export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"; fi
done <"$W/sandbox.out"
REALM=$(KC=$KC "$VENV/bin/python" - <<'EOF'
import os
from keycloak import KeycloakAdmin
a = KeycloakAdmin(server_url=os.environ["KC"], username="admin",
                  password=os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"], realm_name="master")
print(*[r["realm"] for r in a.get_realms() if r["realm"].startswith("bench-s")])
EOF
)
[[ $REALM =~ ^bench-s[0-9a-f]+$ ]] || die "expected one realm bench-s*, found '$REALM'"
say "importing $USERS users into $REALM (partialImport, 500 a call)"
python3 benches/keycloak-realm.py post "$KC" "$REALM" "$W"/import-*.json 2>"$W/import.log"

# --- the peers' programs -------------------------------------------------------------------------
cat >"$W/pykc_list.py" <<'EOF'
import json, os, sys
from keycloak import KeycloakAdmin
a = KeycloakAdmin(server_url=os.environ["KC"], username="admin",
                  password=os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"],
                  realm_name=os.environ["REALM"], user_realm_name="master")
users = a.get_users()
json.dump(users, open(sys.argv[1], "w"))
print(len(users), file=sys.stderr)
EOF
cat >"$W/pykc_reset.py" <<'EOF'
import os, sys
from keycloak import KeycloakAdmin
ENROLMENT = {"is2FARegistered", "twoFAChannel", "customerChannelIdentifier",
             "channelServiceIdentifier", "otpExpiry", "otpMaxAttempts"}
a = KeycloakAdmin(server_url=os.environ["KC"], username="admin",
                  password=os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"],
                  realm_name=os.environ["REALM"], user_realm_name="master")
done = 0
for name in open(sys.argv[1]).read().split():
    uid = a.get_user_id(name)
    user = a.get_user(uid)
    user["attributes"] = {k: v for k, v in user.get("attributes", {}).items() if k not in ENROLMENT}
    a.update_user(uid, user)   # the whole representation: Keycloak 24+ clears what a PUT omits
    done += 1
print(done, file=sys.stderr)
EOF
# kcadm, job a: pages of 1,000 (one JVM a page) until a short one.
cat >"$W/kcadm_list.sh" <<'EOF'
set -euo pipefail
cfg=$W/kcadm.config
rm -f "$cfg"
"$KCADM" config credentials --config "$cfg" --server "$KC" --realm master --user admin \
  --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" 2>/dev/null
: >"$1"
offset=0
while :; do
  "$KCADM" get users -r "$REALM" --config "$cfg" --offset "$offset" --limit 1000 >"$W/kcadm-page.json"
  cat "$W/kcadm-page.json" >>"$1"
  n=$(grep -c '^  "username" : ' "$W/kcadm-page.json" || true)
  ((n == 1000)) || break
  offset=$((offset + 1000))
done
EOF
# kcadm, job b: one listing of the enrolled users (id and attributes), then per row
# `update users/ID -s attributes=<the others>` (kcadm GETs the user and PUTs it back).
cat >"$W/kcadm_reset.sh" <<'EOF'
set -euo pipefail
cfg=$W/kcadm.config
rm -f "$cfg"
"$KCADM" config credentials --config "$cfg" --server "$KC" --realm master --user admin \
  --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" 2>/dev/null
"$KCADM" get users -r "$REALM" --config "$cfg" -q q=is2FARegistered:true --limit 100000 \
  --fields 'id,username,attributes(*)' >"$W/kcadm-enrolled.json"
python3 - "$W/kcadm-enrolled.json" "$1" >"$W/kcadm-rows.tsv" <<'PY'
import json, sys
ENROLMENT = {"is2FARegistered", "twoFAChannel", "customerChannelIdentifier",
             "channelServiceIdentifier", "otpExpiry", "otpMaxAttempts"}
by_name = {u["username"]: u for u in json.load(open(sys.argv[1]))}
for name in open(sys.argv[2]).read().split():
    u = by_name[name]
    keep = {k: v for k, v in u.get("attributes", {}).items() if k not in ENROLMENT}
    print(u["id"] + "\t" + json.dumps(keep, separators=(",", ":")))
PY
while IFS=$'\t' read -r id attrs; do
  "$KCADM" update "users/$id" -r "$REALM" --config "$cfg" -s "attributes=$attrs"
done <"$W/kcadm-rows.tsv"
EOF
export W KC KCADM REALM
head -n "$KCADM_RESET_ROWS" "$W/reset-1000.txt" >"$W/reset-kcadm.txt"

# --- measuring -----------------------------------------------------------------------------------
log_lines() { grep -c '' "$ACCESS_LOG" || true; }
now() { date +%s.%N; }
# measure TOOL JOB CMD...: one timed run; appends "wall requests rss_kb" to $W/TOOL-JOB
measure() {
  local tool=$1 job=$2 before after t0 t1 rss
  shift 2
  before=$(log_lines)
  t0=$(now)
  /usr/bin/time -v -o "$W/time.txt" "$@" >"$W/$tool-$job.stdout" 2>"$W/$tool-$job.stderr" ||
    { tail -n 20 "$W/$tool-$job.stderr" >&2; die "$tool $job failed"; }
  t1=$(now)
  sleep 0.5 # the access log is written as answers complete; let the last line land
  after=$(log_lines)
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$W/time.txt")
  echo "$(echo "$t1 - $t0" | bc -l) $((after - before)) $rss" >>"$W/$tool-$job"
  say "$tool $job: $(tail -n 1 "$W/$tool-$job") (wall s, requests, max RSS kB)"
}
run_tool() { # TOOL JOB
  case $1-$2 in
    cx2fa-list) measure cx2fa list "$CX2FA" user status -o json ;;
    python-list) measure python list "$VENV/bin/python" "$W/pykc_list.py" "$W/python-list.json" ;;
    kcadm-list) measure kcadm list bash "$W/kcadm_list.sh" "$W/kcadm-list.json" ;;
    cx2fa-reset) measure cx2fa reset "$CX2FA" user reset --from "$W/reset-1000.txt" --yes -q ;;
    python-reset) measure python reset "$VENV/bin/python" "$W/pykc_reset.py" "$W/reset-1000.txt" ;;
    kcadm-reset) measure kcadm reset bash "$W/kcadm_reset.sh" "$W/reset-kcadm.txt" ;;
  esac
}
enrolled_count() { # how many users still have is2FARegistered (a check outside the timed part)
  "$VENV/bin/python" - <<'EOF'
import os
from keycloak import KeycloakAdmin
a = KeycloakAdmin(server_url=os.environ["KC"], username="admin",
                  password=os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"],
                  realm_name=os.environ["REALM"], user_realm_name="master")
users = a.get_users({"q": "is2FARegistered:true"})
kept = sum(1 for u in users if "department" in u.get("attributes", {}))
print(len(users), len(users) - kept)
EOF
}
reseed() { python3 benches/keycloak-realm.py post "$KC" "$REALM" "$W"/reenrol-*.json 2>>"$W/import.log"; }
check_reset() { # TOOL ROWS: the rows reset, the other enrolled users untouched
  local got
  got=$(enrolled_count)
  [ "$got" = "$((ENROLLED - $2)) 0" ] || die "after the $1 reset: enrolled/missing-department '$got', expected '$((ENROLLED - $2)) 0'"
  # the kept attributes and profile of a reset user
  "$VENV/bin/python" - "$(head -n 1 "$W/reset-1000.txt")" <<'EOF'
import os, sys
from keycloak import KeycloakAdmin
a = KeycloakAdmin(server_url=os.environ["KC"], username="admin",
                  password=os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"],
                  realm_name=os.environ["REALM"], user_realm_name="master")
u = a.get_user(a.get_user_id(sys.argv[1]))
assert set(u["attributes"]) == {"department", "agentExtension"}, u["attributes"]
assert u.get("email") and u.get("firstName") and u.get("lastName"), u
EOF
}

ENROLLED=$(enrolled_count | awk '{ print $1 }')
say "realm $REALM: $(wc -l <"$W/reset-1000.txt") reset rows prepared, $ENROLLED users enrolled"

TOOLS=(cx2fa python kcadm)
order() { # ROUND -> the tools, rotated by the round
  local r=$1 i
  for i in 0 1 2; do echo "${TOOLS[$(((r + i) % 3))]}"; done
}

say "warm-up (not counted): one listing by each tool, one cx2fa reset"
for tool in "${TOOLS[@]}"; do run_tool "$tool" list; done
run_tool cx2fa reset
reseed
for f in "$W"/*-list "$W"/*-reset; do rm -f "$f"; done

for ((r = 0; r < ROUNDS; r++)); do
  say "round $((r + 1)) of $ROUNDS: list"
  for tool in $(order "$r"); do run_tool "$tool" list; done
done
# The listings' outputs, checked once: every user, with attributes.
python3 - "$W" <<'EOF'
import json, re, sys
w = sys.argv[1]
cx = json.load(open(w + "/cx2fa-list.stdout"))
py = json.load(open(w + "/python-list.json"))
ka = open(w + "/kcadm-list.json").read()
n_ka = len(re.findall(r'^  "username" : ', ka, re.M))
assert len(cx["users"]) == len(py) == n_ka, (len(cx["users"]), len(py), n_ka)
assert sum(1 for u in py if "is2FARegistered" in u.get("attributes", {})) == cx["posture"]["registered"]
print("listings agree: %d users" % len(py), file=sys.stderr)
EOF

for ((r = 0; r < ROUNDS; r++)); do
  say "round $((r + 1)) of $ROUNDS: reset"
  for tool in $(order "$r"); do
    run_tool "$tool" reset
    rows=$RESET_ROWS
    [ "$tool" != kcadm ] || rows=$KCADM_RESET_ROWS
    check_reset "$tool" "$rows"
    reseed
    [ "$(enrolled_count)" = "$ENROLLED 0" ] || die "re-seeding did not restore the enrolment"
  done
done

# --- the table -----------------------------------------------------------------------------------
python3 - "$W" "$ROUNDS" "$KCADM_RESET_ROWS" "$RESET_ROWS" "$KC_VERSION" "$PYKC_VERSION" <<'EOF'
import statistics, sys
w, rounds, kc_rows, rows, kcv, pyv = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
def load(tool, job):
    runs = [list(map(float, l.split())) for l in open("%s/%s-%s" % (w, tool, job))]
    col = lambda i: [r[i] for r in runs]
    return {"wall": statistics.median(col(0)), "lo": min(col(0)), "hi": max(col(0)),
            "req": statistics.median(col(1)), "req_lo": min(col(1)), "req_hi": max(col(1)),
            "rss": statistics.median(col(2)) / 1024}
names = {"cx2fa": "cx2fa", "python": "python-keycloak %s" % pyv, "kcadm": "kcadm.sh %s" % kcv}
jobs = {"list": "a: list 10,002 users with attributes",
        "reset": "b: reset the enrolment of %d users" % rows}
print("| job | tool | wall time, median (min–max) | requests to Keycloak | peak RSS | wall / cx2fa | requests / cx2fa | RSS / cx2fa |")
print("|---|---|---|---|---|---|---|---|")
for job in ("list", "reset"):
    base = load("cx2fa", job)
    for tool in ("cx2fa", "python", "kcadm"):
        m = load(tool, job)
        scale = rows / kc_rows if (tool == "kcadm" and job == "reset") else 1
        req = "%d" % m["req"] if m["req_lo"] == m["req_hi"] else "%d (%d–%d)" % (m["req"], m["req_lo"], m["req_hi"])
        wall = "%.2f s (%.2f–%.2f)" % (m["wall"], m["lo"], m["hi"])
        ratio_w = ratio_r = ""
        if scale != 1:
            wall = "%s for %d rows; ≈ %.0f s for %d" % (wall, kc_rows, m["wall"] * scale, rows)
            req = "%s for %d rows; ≈ %d for %d" % (req, kc_rows, m["req"] * scale, rows)
            ratio_w = "≈ %.0f×" % (m["wall"] * scale / base["wall"])
            ratio_r = "≈ %.2f×" % (m["req"] * scale / base["req"])
        elif tool != "cx2fa":
            ratio_w = "%.1f×" % (m["wall"] / base["wall"])
            ratio_r = "%.2f×" % (m["req"] / base["req"])
        ratio_m = "%.1f×" % (m["rss"] / base["rss"]) if tool != "cx2fa" else ""
        print("| %s | %s | %s | %s | %.1f MiB | %s | %s | %s |" % (
            jobs[job] if tool == "cx2fa" else "", names[tool], wall, req, m["rss"], ratio_w or "1", ratio_r or "1", ratio_m or "1"))
print()
for job in ("list", "reset"):
    for tool in ("cx2fa", "python", "kcadm"):
        print("%s %s rounds (s): %s  " % (job, tool, " ".join("%.2f" % float(l.split()[0]) for l in open("%s/%s-%s" % (w, tool, job)))))
EOF
