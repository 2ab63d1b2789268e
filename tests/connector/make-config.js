#!/usr/bin/env node
// Writes a harness config (cfg.json) for one tenant: the tenant document as the tenant API
// returns it, with the service URLs the connector will call replaced by reachable ones
// (the document names in-cluster hosts). Nothing else is changed.
//
//   CX2FA_PASSWORD=... node make-config.js --url http://127.0.0.1:8095 --tenant expertflow \
//       [--username admin] [--keycloak-url URL/auth/] [--otp-url URL] [--rsa-url URL] \
//       [--ef-server-url URL] [--app-name CX] --out cfg.json
//
// Defaults: Keycloak at <url>/auth/, OTP manager at <url>/otp-manager/, RSA at <url>/rsa/ (the
// sandbox's mounts), ef-server-url left as the document says unless given. The master-realm
// admin password is read from CX2FA_PASSWORD, never from the command line. The output holds
// the tenant's secrets: it is written with mode 0600. Loopback only, like the harness.

'use strict';

const fs = require('fs');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

const slash = (u) => (u.endsWith('/') ? u : u + '/');

async function main() {
  const url = arg('url');
  const tenant = arg('tenant');
  const out = arg('out');
  const password = process.env.CX2FA_PASSWORD;
  if (!url || !tenant || !out || !password) {
    process.stderr.write('usage: CX2FA_PASSWORD=... node make-config.js --url URL --tenant ID --out FILE [--username admin] [--keycloak-url U] [--otp-url U] [--rsa-url U] [--ef-server-url U] [--app-name N]\n');
    process.exit(2);
  }
  const host = new URL(url).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    process.stderr.write(`refusing non-loopback URL ${url}\n`);
    process.exit(2);
  }
  const base = url.replace(/\/+$/, '');
  const kcUrl = slash(arg('keycloak-url', `${base}/auth/`));
  const tokenRes = await fetch(`${kcUrl}realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: arg('username', 'admin'), password }),
  });
  if (!tokenRes.ok) throw new Error(`master token: HTTP ${tokenRes.status} ${await tokenRes.text()}`);
  const { access_token: token } = await tokenRes.json();
  const listRes = await fetch(`${base}/cx-tenant/tenant`, { headers: { Authorization: `Bearer ${token}` } });
  if (!listRes.ok) throw new Error(`tenant list: HTTP ${listRes.status}`);
  const doc = (await listRes.json()).find((t) => t.tenantId === tenant);
  if (!doc) throw new Error(`no tenant ${tenant}`);
  const kc = doc.tenantSettings.keyCloak;
  kc['auth-server-url'] = kcUrl;
  kc.Otp_Manager_Url = slash(arg('otp-url', `${base}/otp-manager/`));
  if (kc.RSA_Server_URL !== undefined || arg('rsa-url')) kc.RSA_Server_URL = slash(arg('rsa-url', `${base}/rsa/`));
  if (arg('ef-server-url')) kc['ef-server-url'] = slash(arg('ef-server-url'));
  const cfg = {
    tenantId: doc.tenantId,
    appName: arg('app-name', 'CX'),
    keyCloak: kc,
    twoFAConfigs: doc.tenantSettings.twoFAConfigs || {},
  };
  fs.writeFileSync(out, JSON.stringify(cfg, null, 2) + '\n', { mode: 0o600 });
  process.stderr.write(`wrote ${out} (tenant ${tenant}; Keycloak ${kc['auth-server-url']}, OTP manager ${kc.Otp_Manager_Url}, ef-server ${kc['ef-server-url']})\n`);
}

main().catch((e) => { process.stderr.write(`${e.message}\n`); process.exit(1); });
