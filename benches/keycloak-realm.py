#!/usr/bin/env python3
"""Data for benches/keycloak-peers.sh (standard library only).

  keycloak-realm.py seed < print-seed.json > seed.json
      the sandbox seed reduced to one tenant `bench` (realm `bench`) with the realm admin and one
      agent: the sandbox creates that realm in the real Keycloak (as `bench-<suffix>`).
  keycloak-realm.py users N OUT_DIR
      OUT_DIR/import-NNN.json: partialImport bodies (500 users each) with N users bench00001..; every 4th enrolled
      with EMAIL (is2FARegistered, twoFAChannel, customerChannelIdentifier,
      channelServiceIdentifier, otpExpiry, otpMaxAttempts); all with e-mail, first and last name
      and two attributes that are not enrolment (department, agentExtension), which a reset
      must keep (not `locale`: Keycloak keeps it apart from the other attributes).
      OUT_DIR/reenrol-NNN.json: the same for the first 1,000 enrolled users (to re-seed them with
      ifResourceExists=OVERWRITE between reset rounds).
      OUT_DIR/reset-1000.txt: the first 1,000 enrolled usernames, one a line.
  keycloak-realm.py post KEYCLOAK_URL REALM FILE...
      POST each FILE to REALM's partialImport as the master admin (KC_BOOTSTRAP_ADMIN_PASSWORD).
"""
import json
import os
import sys
import urllib.parse
import urllib.request

CHUNK = 500
ENROLMENT = ["is2FARegistered", "twoFAChannel", "customerChannelIdentifier",
             "channelServiceIdentifier", "otpExpiry", "otpMaxAttempts"]


def seed():
    d = json.load(sys.stdin)
    t = d["tenants"][0]
    old = t["tenantId"]
    t["tenantId"] = t["tenantName"] = "bench"
    t["tenantSettings"]["keyCloak"]["realm"] = "bench"
    d["tenants"] = [t]
    admin_name = t["tenantSettings"]["keyCloak"].get("USERNAME_ADMIN", "admin")
    users = [u for u in d["users"][old] if u["username"] in (admin_name, "agent.email")]
    d["users"] = {"bench": users}
    for c in d.get("channels", []):
        c["tenant"] = {"id": "bench", "name": "bench"}
    json.dump(d, sys.stdout, indent=1)


def user(i):
    name = "bench%05d" % i
    u = {
        "username": name,
        "enabled": True,
        "email": name + "@bench.test",
        "emailVerified": True,
        "firstName": "Bench",
        "lastName": "User %05d" % i,
        "attributes": {"department": ["support"], "agentExtension": [str(1000 + i)]},
    }
    if i % 4 == 0:
        u["attributes"].update({
            "is2FARegistered": ["true"],
            "twoFAChannel": ["EMAIL"],
            "customerChannelIdentifier": [name + "@bench.test"],
            "channelServiceIdentifier": ["otp-mail@example.test"],
            "otpExpiry": ["60"],
            "otpMaxAttempts": ["3"],
        })
    return u


def users(n, out):
    os.makedirs(out, exist_ok=True)
    all_users = [user(i) for i in range(1, n + 1)]
    enrolled = [u for u in all_users if "is2FARegistered" in u["attributes"]]
    # Chunks: one partialImport is one transaction, and Keycloak's cost per user grows with the
    # users already in it (10,000 in one call ran past the 300 s transaction timeout here).
    for k in range(0, n, CHUNK):
        with open(os.path.join(out, "import-%03d.json" % (k // CHUNK)), "w") as f:
            json.dump({"ifResourceExists": "FAIL", "users": all_users[k:k + CHUNK]}, f)
    for k in range(0, 1000, CHUNK):
        with open(os.path.join(out, "reenrol-%03d.json" % (k // CHUNK)), "w") as f:
            json.dump({"ifResourceExists": "OVERWRITE", "users": enrolled[k:k + CHUNK]}, f)
    with open(os.path.join(out, "reset-1000.txt"), "w") as f:
        f.writelines(u["username"] + "\n" for u in enrolled[:1000])


def token(kc, password):
    body = urllib.parse.urlencode({"grant_type": "password", "client_id": "admin-cli",
                                   "username": "admin", "password": password}).encode()
    with urllib.request.urlopen(kc + "/realms/master/protocol/openid-connect/token", body) as r:
        return json.load(r)["access_token"]


def post(kc, realm, files):
    """partialImport each file into REALM, a fresh master-admin token for each (the password
    comes from KC_BOOTSTRAP_ADMIN_PASSWORD)."""
    for path in files:
        req = urllib.request.Request(
            "%s/admin/realms/%s/partialImport" % (kc, realm), data=open(path, "rb").read(),
            headers={"Authorization": "Bearer " + token(kc, os.environ["KC_BOOTSTRAP_ADMIN_PASSWORD"]),
                     "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=600) as r:
            res = json.load(r)
        print("%s: added %s, overwritten %s, skipped %s" % (
            os.path.basename(path), res.get("added"), res.get("overwritten"), res.get("skipped")),
            file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed()
    elif sys.argv[1:2] == ["users"] and len(sys.argv) == 4:
        users(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["post"] and len(sys.argv) >= 5:
        post(sys.argv[2].rstrip("/"), sys.argv[3], sys.argv[4:])
    else:
        sys.exit(__doc__)
