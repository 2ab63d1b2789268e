#!/usr/bin/env bash
# Observes, on a real Keycloak, the behaviours cx2fa depends on (password-grant answers, user
# profile policies, attribute writes, user queries, brute force, token lifetimes) and prints each
# as `FACT name: observed`, where observed is usually `HTTP <status> <body>`.
# Works in a scratch realm of its own, deleted at the end (also on failure or Ctrl-C).
#
# Usage: tests/keycloak/probe-facts.sh BASE_URL ADMIN_PASSWORD
#   BASE_URL: e.g. http://127.0.0.1:18080/auth (26.4 under /auth) or http://127.0.0.1:18081
#   ADMIN_PASSWORD: of the master realm's "admin" (.ci/keycloak keeps it in
#   ${CX2FA_CI_RUN:-/tmp/cx2fa-ci-run}/admin-password)
# Needs curl and jq. Takes about 20 s. Start servers with .ci/keycloak (see there).
set -euo pipefail

(($# == 2)) || { sed -n '/^# Usage:/,/^# Needs/s/^# \{0,1\}//p' "$0" >&2; exit 2; }
base=${1%/}
admin_password=$2
for tool in curl jq; do command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }; done
realm=cx2fa-probe-$(date +%s)-$RANDOM
admin=$base/admin/realms/$realm
token_url=$base/realms/$realm/protocol/openid-connect/token
work=$(mktemp -d)

status="" body="" token="" token_at=-1000

fact() { printf 'FACT %s: %s\n' "$1" "$2"; }
observed() { printf 'HTTP %s %s' "$status" "$body"; }

# curl into $status and $body (compact JSON when it is JSON).
request() { # curl arguments...
  status=$(curl -sS -o "$work/body" -w '%{http_code}' --max-time 60 "$@")
  body=$(jq -c . "$work/body" 2>/dev/null || cat "$work/body")
}

admin_token() {
  if ((SECONDS - token_at > 30)); then
    request -X POST "$base/realms/master/protocol/openid-connect/token" \
      -d grant_type=password -d client_id=admin-cli -d username=admin --data-urlencode "password=$admin_password"
    [ "$status" = 200 ] || { echo "admin login failed: $(observed)" >&2; exit 1; }
    token=$(jq -r .access_token <<<"$body")
    token_at=$SECONDS
    master_token_body=$body
  fi
}

api() { # METHOD PATH [JSON]  (PATH relative to the admin URL of the scratch realm, or absolute)
  local method=$1 path=$2 url
  admin_token
  case $path in http*) url=$path ;; *) url=$admin$path ;; esac
  if (($# > 2)); then
    request -X "$method" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "$3" "$url"
  else
    request -X "$method" -H "Authorization: Bearer $token" "$url"
  fi
}

must() { # STATUS...: the last request answered one of these
  local want
  for want in "$@"; do [ "$status" = "$want" ] && return 0; done
  echo "unexpected answer (wanted $*): $(observed)" >&2
  exit 1
}

cleanup() {
  token_at=-1000
  api DELETE "$base/admin/realms/$realm" >/dev/null 2>&1 || true
  [ "$status" = 204 ] || echo "could not delete realm $realm: $(observed)" >&2
  rm -rf "$work"
}
trap cleanup EXIT

grant() { # CLIENT USERNAME PASSWORD [CLIENT_SECRET]
  local extra=()
  (($# > 3)) && extra=(-d "client_secret=$4")
  request -X POST "$token_url" -d grant_type=password -d "client_id=$1" \
    --data-urlencode "username=$2" --data-urlencode "password=$3" ${extra[@]+"${extra[@]}"}
}

user_id() { # USERNAME
  api GET "/users?username=$1&exact=true"
  must 200
  jq -r '.[0].id' <<<"$body"
}

create_user() { # USERNAME JSON-FIELDS (merged into the representation; password "Secret-1")
  local rep
  rep=$(jq -c --arg u "$1" '{username: $u, enabled: true,
    credentials: [{type: "password", value: "Secret-1", temporary: false}]} + .' <<<"$2")
  api POST /users "$rep"
  must 201
  user_id "$1"
}

full_user='{"firstName":"Pro","lastName":"Be","email":"EMAIL","emailVerified":true}'
full() { echo "${full_user/EMAIL/$1@example.test}"; }

set_policy() { # ENABLED | ADMIN_EDIT | ADMIN_VIEW | absent
  api GET /users/profile
  must 200
  local upd
  if [ "$1" = absent ]; then
    upd=$(jq -c 'del(.unmanagedAttributePolicy)' <<<"$body")
  else
    upd=$(jq -c --arg p "$1" '.unmanagedAttributePolicy = $p' <<<"$body")
  fi
  api PUT /users/profile "$upd"
  must 200
  api GET /users/profile
  must 200
  local now
  now=$(jq -r '.unmanagedAttributePolicy // "absent"' <<<"$body")
  [ "$now" = "$1" ] || { echo "policy is $now after setting $1" >&2; exit 1; }
}

get_user() { # ID -> $body
  api GET "/users/$1"
  must 200
}

# PUT the user's representation as read, changed by a jq filter.
put_modified() { # ID JQ-FILTER
  get_user "$1"
  api PUT "/users/$1" "$(jq -c "$2" <<<"$body")"
}

attrs_of() { # ID: the user's attributes as GET shows them
  get_user "$1"
  jq -c '.attributes // "(no attributes key)"' <<<"$body"
}
names_of() { # ID
  get_user "$1"
  jq -c '{email, firstName, lastName}' <<<"$body"
}

query_names() { # QUERY-STRING: usernames of GET users?QUERY
  api GET "/users?$1"
  if [ "$status" = 200 ]; then
    printf 'HTTP 200 %s' "$(jq -c '[.[].username]' <<<"$body")"
  else
    observed
  fi
}
count() { # QUERY-STRING
  api GET "/users/count${1:+?$1}"
  observed
}

# --- the server, the master realm (k) ---------------------------------------------------------
admin_token
fact k.master_admin_token "expires_in=$(jq -r .expires_in <<<"$master_token_body") refresh_expires_in=$(jq -r .refresh_expires_in <<<"$master_token_body") token_type=$(jq -r .token_type <<<"$master_token_body")"
api GET "$base/admin/serverinfo"
must 200
fact server.version "$(jq -r .systemInfo.version <<<"$body") java=$(jq -r .systemInfo.javaVersion <<<"$body")"

api POST "$base/admin/realms" "$(jq -cn --arg r "$realm" '{realm: $r, enabled: true}')"
must 201
fact scratch.realm "$realm"

# --- a new realm's defaults (c, i) -------------------------------------------------------------
api GET /users/profile
must 200
fact c.new_realm_unmanagedAttributePolicy "$(jq -r '.unmanagedAttributePolicy // "absent"' <<<"$body")"
fact c.new_realm_profile_attributes "$(jq -c '[.attributes[] | {name, required: (.required // null)}]' <<<"$body")"
api GET /authentication/required-actions
must 200
fact i.required_actions "$(jq -c '[.[] | select(.enabled) | .alias + (if .defaultAction then "(default)" else "" end)]' <<<"$body")"
api GET ""
must 200
fact i.realm_defaults "$(jq -c '{bruteForceProtected, verifyEmail, registrationAllowed, editUsernameAllowed, accessTokenLifespan}' <<<"$body")"

# --- password grant answers (a, b, i) ----------------------------------------------------------
create_user alice "$(full alice)" >/dev/null
started=$(date +%s.%N)
grant admin-cli alice Secret-1
fact a.right_password "HTTP $status (token_type=$(jq -r '.token_type // empty' <<<"$body") expires_in=$(jq -r '.expires_in // empty' <<<"$body")) in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN{printf "%.2f s", e-s}')"
grant admin-cli alice wrong-password
fact a.wrong_password "$(observed)"
grant admin-cli nobody-here Secret-1
fact a.unknown_user "$(observed)"

create_user dave "$(full dave | jq -c '.enabled = false')" >/dev/null
grant admin-cli dave Secret-1
fact b.disabled_right_password "$(observed)"
grant admin-cli dave wrong-password
fact b.disabled_wrong_password "$(observed)"

create_user ursula "$(full ursula | jq -c '.requiredActions = ["UPDATE_PASSWORD"]')" >/dev/null
grant admin-cli ursula Secret-1
fact b.required_action_UPDATE_PASSWORD_right_password "$(observed)"
grant admin-cli ursula wrong-password
fact b.required_action_UPDATE_PASSWORD_wrong_password "$(observed)"

api POST /clients '{"clientId":"probe-nodirect","publicClient":true,"directAccessGrantsEnabled":false}'
must 201
grant probe-nodirect alice Secret-1
fact b.client_direct_access_grants_disabled "$(observed)"
grant probe-nodirect alice wrong-password
fact b.client_direct_access_grants_disabled_wrong_password "$(observed)"
grant no-such-client alice Secret-1
fact b.unknown_client "$(observed)"

nora=$(create_user nora '{}')
get_user "$nora"
fact i.user_without_names_created "$(jq -c '{requiredActions, email, firstName, lastName}' <<<"$body")"
grant admin-cli nora Secret-1
fact i.user_without_names_password_grant "$(observed)"
create_user nina '{"firstName":"Ni","lastName":"Na"}' >/dev/null
grant admin-cli nina Secret-1
fact i.user_with_names_without_email_password_grant "$(observed)"

# --- user profile policies (c, d, e, g) ---------------------------------------------------------
bob=$(create_user bob "$(full bob)")

# Policy absent (a new realm's default).
put_modified "$bob" '.attributes = ((.attributes // {}) + {probeUndeclared: ["x"]})'
fact c.absent_put_undeclared "HTTP $status $body"
fact c.absent_get_after_put_undeclared "$(attrs_of "$bob")"
fact c.absent_q_finds_value_put_while_absent "$(query_names 'q=probeUndeclared:x')"

# ENABLED
set_policy ENABLED
put_modified "$bob" '.attributes = ((.attributes // {}) + {probeA: ["1"], twoFAChannel: ["SMS"]})'
fact c.ENABLED_put_undeclared "HTTP $status $body"
fact c.ENABLED_get_after_put "$(attrs_of "$bob")"
put_modified "$bob" 'del(.attributes.probeA)'
fact c.ENABLED_put_attributes_map_without_probeA "HTTP $status $body"
fact c.ENABLED_get_after_omitting_probeA "$(attrs_of "$bob")"
put_modified "$bob" '.attributes.probeA = ["2"]'
put_modified "$bob" 'del(.attributes)'
fact c.ENABLED_put_without_attributes_key "HTTP $status $body"
fact c.ENABLED_get_after_put_without_attributes_key "$(attrs_of "$bob") names=$(names_of "$bob")"

# (e) bare values.
put_modified "$bob" '.attributes = ((.attributes // {}) + {is2FARegistered: false, otpExpiry: 60, probeBareString: "s"})'
fact e.ENABLED_put_bare_values "HTTP $status $body"
fact e.ENABLED_get_after_bare_values "$(attrs_of "$bob")"

# (d) only attributes, under ENABLED and (below) with the policy absent.
dora=$(create_user dora "$(full dora)")
api PUT "/users/$dora" '{"attributes":{"probeOnly":["1"]}}'
fact d.ENABLED_put_only_attributes "HTTP $status $body"
fact d.ENABLED_after_put_only_attributes "$(names_of "$dora") attributes=$(attrs_of "$dora")"
get_user "$dora"
fact d.ENABLED_user_still_enabled "$(jq -c '{enabled, emailVerified, requiredActions}' <<<"$body")"

# (g) q on attribute values.
fact g.q_exact_value "$(query_names 'q=twoFAChannel:SMS')"
fact g.q_value_lower_case "$(query_names 'q=twoFAChannel:sms')"
fact g.q_key_lower_case "$(query_names 'q=twofachannel:SMS')"
fact g.q_value_prefix "$(query_names 'q=twoFAChannel:SM')"
fact g.q_value_prefix_exact_false "$(query_names 'q=twoFAChannel:SM&exact=false')"
fact g.q_key_only "$(query_names 'q=twoFAChannel:')"
fact g.q_two_terms "$(query_names 'q=twoFAChannel:SMS%20otpExpiry:60')"
fact g.count_q "$(count 'q=twoFAChannel:SMS')"
fact g.count_q_lower_case_value "$(count 'q=twoFAChannel:sms')"

# (h) briefRepresentation.
api GET "/users?username=bob&exact=true&briefRepresentation=true"
fact h.brief_true_has_attributes "$(jq -c '.[0] | {has_attributes: has("attributes"), keys: keys}' <<<"$body")"
api GET "/users?username=bob&exact=true"
fact h.brief_default_has_attributes "$(jq -c '.[0] | {has_attributes: has("attributes"), attributes}' <<<"$body")"
brief() { # QUERY-STRING: per user, whether the answer has attributes (and how many keys)
  api GET "/users?$1"
  jq -c '[.[] | {(.username): {attributes: has("attributes"), keys: length}}] | add' <<<"$body"
}
fact h.brief_true_with_q "$(brief 'q=twoFAChannel:SMS&briefRepresentation=true')"
fact h.brief_true_plain_list "$(brief 'briefRepresentation=true&max=3')"
fact h.brief_true_search "$(brief 'search=bob&briefRepresentation=true')"
fact h.brief_true_username_substring "$(brief 'username=bo&briefRepresentation=true')"
fact h.brief_true_username_exact "$(brief 'username=bob&exact=true&briefRepresentation=true')"
fact h.brief_false_plain_list "$(brief 'briefRepresentation=false&max=3')"
fact h.brief_default_plain_list "$(brief 'max=3')"

# ADMIN_EDIT
set_policy ADMIN_EDIT
fact c.ADMIN_EDIT_get "$(attrs_of "$bob")"
put_modified "$bob" '.attributes.probeA = ["3"]'
fact c.ADMIN_EDIT_put_new_value "HTTP $status $body"
fact c.ADMIN_EDIT_get_after_put "$(attrs_of "$bob")"
put_modified "$bob" 'del(.attributes.probeA)'
fact c.ADMIN_EDIT_put_attributes_map_without_probeA "HTTP $status $body"
fact c.ADMIN_EDIT_get_after_omitting_probeA "$(attrs_of "$bob")"

# ADMIN_VIEW
set_policy ADMIN_VIEW
fact c.ADMIN_VIEW_get "$(attrs_of "$bob")"
# (twoFAChannel and otpExpiry stay as they are: the q= probes below rely on them.)
put_modified "$bob" '.attributes.probeBareString = ["changed"] | .attributes.probeNew = ["n"]'
fact c.ADMIN_VIEW_put_changed_and_new "HTTP $status $body"
fact c.ADMIN_VIEW_get_after_put "$(attrs_of "$bob")"
put_modified "$bob" 'del(.attributes.probeBareString)'
fact c.ADMIN_VIEW_put_attributes_map_without_probeBareString "HTTP $status $body"
fact c.ADMIN_VIEW_get_after_omitting_probeBareString "$(attrs_of "$bob")"
fact g.ADMIN_VIEW_q "$(query_names 'q=twoFAChannel:SMS')"

# Back to absent: values written before are hidden from GET; does q still find them?
set_policy absent
fact c.absent_again_get "$(attrs_of "$bob")"
fact g.absent_q_finds_hidden_value "$(query_names 'q=twoFAChannel:SMS')"
fact g.absent_q_finds_hidden_value_otpExpiry "$(query_names 'q=otpExpiry:60')"
fact g.absent_q_hidden_value_exact_false "$(query_names 'q=twoFAChannel:SM&exact=false')"
fact g.absent_count_q_hidden_value "$(count 'q=twoFAChannel:SMS')"
put_modified "$bob" '.firstName = "Changed"'
fact c.absent_put_other_field "HTTP $status $body"
set_policy ENABLED
fact c.absent_put_kept_hidden_values "$(attrs_of "$bob")"
set_policy absent
api PUT "/users/$dora" "$(full dora | jq -c '.username = "dora" | .attributes = {"probeOnly": ["1"]}')"
must 204
api PUT "/users/$dora" '{"attributes":{"probeOnly":["2"]}}'
fact d.absent_put_only_attributes "HTTP $status $body"
fact d.absent_after_put_only_attributes "$(names_of "$dora")"

# --- service accounts (f) -----------------------------------------------------------------------
api POST /clients '{"clientId":"probe-sa","publicClient":false,"serviceAccountsEnabled":true,"secret":"probe-sa-secret","standardFlowEnabled":false}'
must 201
set_policy ENABLED
sa=$(user_id service-account-probe-sa)
put_modified "$sa" '.attributes = ((.attributes // {}) + {twoFAChannel: ["SMS"]})'
fact f.sa_put_attribute "HTTP $status $body"
fact f.plain_list "$(query_names 'first=0&max=100')"
fact f.no_params "$(query_names '')"
fact f.q_matching_sa_attribute "$(query_names 'q=twoFAChannel:SMS')"
fact f.search_service "$(query_names 'search=service')"
fact f.search_prefix_of_other_user "$(query_names 'search=alic')"
fact f.search_infix_wildcards "$(query_names 'search=*account*')"
fact f.search_star "$(query_names 'search=*')"
fact f.search_empty "$(query_names 'search=')"
fact f.username_substring "$(query_names 'username=service&exact=false')"
fact f.username_exact "$(query_names 'username=service-account-probe-sa&exact=true')"
fact f.enabled_true "$(query_names 'enabled=true')"
fact f.email_substring "$(query_names 'email=example')"
fact f.count_plain "$(count '')"
fact f.count_search_star "$(count 'search=*')"
fact f.count_q "$(count 'q=twoFAChannel:SMS')"
fact f.count_username_substring "$(count 'username=service&exact=false')"
fact f.count_enabled_true "$(count 'enabled=true')"
request -X POST "$token_url" -d grant_type=client_credentials -d client_id=probe-sa -d client_secret=probe-sa-secret
fact k.client_credentials_token "HTTP $status expires_in=$(jq -r '.expires_in // empty' <<<"$body") has_refresh_token=$(jq -r 'has("refresh_token")' <<<"$body" 2>/dev/null)"

# --- brute-force detection (j) ------------------------------------------------------------------
api GET ""
must 200
api PUT "" "$(jq -c '.bruteForceProtected = true | .failureFactor = 3 | .permanentLockout = false' <<<"$body")"
must 204
api GET ""
fact j.realm_settings "$(jq -c '{bruteForceProtected, bruteForceStrategy, permanentLockout, maxTemporaryLockouts, failureFactor, waitIncrementSeconds, maxFailureWaitSeconds, quickLoginCheckMilliSeconds, minimumQuickLoginWaitSeconds, maxDeltaTimeSeconds}' <<<"$body")"
bruno=$(create_user bruno "$(full bruno)")
for attempt in 1 2 3; do
  grant admin-cli bruno wrong-password
  fact "j.wrong_password_$attempt" "$(observed)"
  sleep 1.2 # slower than quickLoginCheckMilliSeconds, so that only failureFactor counts
done
grant admin-cli bruno Secret-1
fact j.right_password_after_3_failures "$(observed)"
grant admin-cli bruno wrong-password
fact j.wrong_password_while_locked "$(observed)"
api GET "/attack-detection/brute-force/users/$bruno"
fact j.attack_detection_status "$(observed)"
get_user "$bruno"
fact j.user_representation_while_locked "$(jq -c '{enabled, access: (.access // null)}' <<<"$body")"
api DELETE "/attack-detection/brute-force/users/$bruno"
fact j.clear_lockout "HTTP $status"
grant admin-cli bruno Secret-1
fact j.right_password_after_clearing "HTTP $status $(jq -c '{token_type, error, error_description}' <<<"$body" 2>/dev/null)"
