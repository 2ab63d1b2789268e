# Sourced by the bench scripts. `cx2fa sandbox` draws its master admin password and the token of
# its /sandbox/* helpers per run and prints them in its banner's export lines; this waits for
# them in the banner file FILE and exports CX2FA_PASSWORD and CX2FA_SANDBOX_TOKEN.
sandbox_secrets() {
  local i
  for i in $(seq 1 500); do
    grep -q '^  export CX2FA_PASSWORD=' "$1" 2>/dev/null && break
    sleep 0.01
  done
  CX2FA_PASSWORD=$(sed -n 's/^  export CX2FA_PASSWORD=//p' "$1")
  CX2FA_SANDBOX_TOKEN=$(sed -n 's/^  export CX2FA_SANDBOX_TOKEN=//p' "$1")
  [ -n "$CX2FA_PASSWORD" ] && [ -n "$CX2FA_SANDBOX_TOKEN" ] || { echo "no banner in $1" >&2; exit 1; }
  export CX2FA_PASSWORD CX2FA_SANDBOX_TOKEN
}
