#!/usr/bin/env bash
# Fuzzes config parsing + validation, the policy merge, the `--print-curl` builder, the
# terminal sanitiser, the `Retry-After` reader and the IMAP OTP choice, SECONDS each (default 600).
# The corpus is seeded from the fixtures: the sandbox's seed tenants and the configuration
# guide's payloads (with their non-breaking spaces and comments). Usage: bash benches/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# cargo-fuzz passes instrumentation flags that are unstable; this lets the one stable toolchain
# here accept them (no nightly can be fetched on these machines).
export RUSTC_BOOTSTRAP=1
C=benches/fuzz/corpus
mkdir -p "$C/validate" "$C/merge" "$C/curl" "$C/sanitize" "$C/retry_after" "$C/imap_pick"
# The debug binary the test suite already built prints the same seed (no release build).
cargo run -q -- sandbox --print-seed > "$C/seed.json.tmp"
python3 - "$C" <<'PY'
import json, sys
c = sys.argv[1]
seed = json.load(open(c + "/seed.json.tmp"))
guide = ('{\n\u00a0   "tenantSettings": {\n        "keyCloak": {\n            "Otp_Manager_Url": "http://ef-cx-otp-manager-svc:3000/", // in keyCloak\n'
         '        },\n        "twoFAConfigs": {  // in tenantSettings\n            "is2FAEnabled": true,\n            "channelType": "EMAIL",\n'
         '            "channelServiceIdentifier": "otp-mail@example.test",\n            "otpExpiry": 60,\n            "otpMaxAttempts": 5\n        }\n    }\n}\n')
docs = [json.dumps(t, indent=2) for t in seed["tenants"]] + [guide]
for i, d in enumerate(docs):
    open(f"{c}/validate/seed-{i}", "w").write(d)
    open(f"{c}/curl/seed-{i}", "w").write("path?q=1\x01it's $(x) `y`\x01" + d)
    open(f"{c}/sanitize/seed-{i}", "w").write("name\x1b]52;c;eA==\x07\u202e=cmd\n" + d[:200])
    for k in range(4):
        open(f"{c}/merge/seed-{i}-{k}", "wb").write(bytes([k]) + d.encode())
PY
rm "$C/seed.json.tmp"
printf '3600' > "$C/retry_after/seconds"
printf 'Sun, 06 Nov 1994 08:49:37 GMT' > "$C/retry_after/imf"
printf 'Sunday, 06-Nov-94 08:49:37 GMT' > "$C/retry_after/rfc850"
printf 'Sun Nov  6 08:49:37 1994' > "$C/retry_after/asctime"
printf '\xffFrom: <otp@example.test>\r\nContent-Type: text/html\r\n\r\n<p>code <b>246810</b></p>\r\n' > "$C/imap_pick/html"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for target in validate merge curl sanitize retry_after imap_pick; do
  echo "== fuzzing $target for ${SECS}s"
  if ! cargo fuzz run --fuzz-dir benches/fuzz "$target" "$C/$target" -- -max_total_time="$SECS" -rss_limit_mb=2048 >"$log" 2>&1; then
    # What failed and on which input: the panic, libFuzzer's verdict and the saved input (the
    # end of the log alone is a backtrace's last frames).
    grep -A2 -E 'panicked at|ERROR: libFuzzer|Test unit written|^error' "$log" >&2 || tail -n 40 "$log" >&2
    echo "fuzz target $target failed; run the saved input again with: cargo fuzz run --fuzz-dir benches/fuzz $target <file>" >&2
    exit 1
  fi
  tail -n 4 "$log"
done
