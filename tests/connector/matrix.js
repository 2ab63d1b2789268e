#!/usr/bin/env node
// Runs the connector flows for every 2FA channel with the sandbox's seeded users and prints,
// per case, how far it got: the steps that succeeded and the first request that failed.
//
//   node matrix.js --config cfg.json [--sandbox-url http://127.0.0.1:8095] [--only 193|175] [--json]
//
// The sandbox URL is only used to read codes a real user would receive (its outbox and RSA
// tokencodes); the connector itself talks to the URLs in cfg.json. Cases change user
// attributes (registrations): run it against a fresh sandbox.

'use strict';

const { execFileSync } = require('child_process');
const path = require('path');

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}
const config = arg('config');
if (!config) { process.stderr.write('usage: node matrix.js --config cfg.json [--sandbox-url URL] [--only 193|175] [--json]\n'); process.exit(2); }
const sb = (arg('sandbox-url') || '').replace(/\/+$/, '');
const only = arg('only');
const asJson = process.argv.includes('--json');

// The sandbox's helpers need its run's token: CX2FA_SANDBOX_TOKEN, from its banner.
const helper = `{headers:{'x-sandbox-token':process.env.CX2FA_SANDBOX_TOKEN||''}}`;
const outbox = (to) => `node -e "fetch('${sb}/sandbox/outbox?to='+encodeURIComponent('${to}'),${helper}).then(r=>r.json()).then(a=>console.log(a.length?a[a.length-1].code:''))"`;
const rsa = (u, pin) => `node -e "fetch('${sb}/sandbox/rsa-code/${u}',${helper}).then(r=>r.json()).then(j=>console.log('${pin}'+j.tokencode))"`;

const SMS = ['--channel', 'SMS', '--twofa', 'channelServiceIdentifier=+15550001000'];
const EMAIL = ['--channel', 'EMAIL'];
const FIXED_ADMIN = ['--set', 'keyCloak.PASSWORD_ADMIN=agent-pass'];

// [label, version, action, args]
const cases = [
  // 1.9.3-RC8: the full login (authenticateUserViaKeycloak), per tenant channel
  ['login EMAIL registered', '193', 'login', ['--username', 'agent.email', '--password', 'agent-pass', ...EMAIL, '--otp-cmd', outbox('agent.email@example.test')]],
  ['login SMS registered', '193', 'login', ['--username', 'agent.sms', '--password', 'agent-pass', ...SMS, '--otp-cmd', outbox('+15550100222')]],
  ['login APP registered', '193', 'login', ['--username', 'agent.app', '--password', 'agent-pass', '--channel', 'APP', '--code', '000000']],
  ['login RSA registered', '193', 'login', ['--username', 'agent.rsa', '--password', 'agent-pass', '--channel', 'RSA', '--otp-cmd', rsa('agent.rsa', 'rsapin01')]],
  ['login EMAIL unregistered', '193', 'login', ['--username', 'agent.none', '--password', 'agent-pass', ...EMAIL, '--contact', 'none@example.test']],
  ['login APP unregistered', '193', 'login', ['--username', 'agent.noattrs', '--password', 'agent-pass', '--channel', 'APP']],
  ['login 2FA off', '193', 'login', ['--username', 'agent.none', '--password', 'agent-pass', '--no-2fa']],
  // 1.9.3-RC8: the functions the login screen calls afterwards
  ['register-contact EMAIL', '193', 'register-contact', ['--username', 'agent.pending', '--contact', 'pending@example.test']],
  ['register-contact (tenant admin fixed)', '193', 'register-contact', ['--username', 'agent.pending', '--contact', 'pending@example.test', ...FIXED_ADMIN]],
  ['send-otp EMAIL', '193', 'send-otp', ['--username', 'agent.email']],
  ['validate-otp EMAIL', '193', 'validate-otp', ['--username', 'agent.email', '--password', 'agent-pass', '--code', '000000']],
  ['validate-otp RSA (tenant admin fixed)', '193', 'validate-otp', ['--username', 'agent.rsa', '--password', 'agent-pass', '--otp-cmd', rsa('agent.rsa', 'rsapin01'), ...FIXED_ADMIN]],
  // 1.9.3-RC8: lower-level functions, called directly
  ['verifyOTPviaOTPManager', '193', 'verify-otp', ['--contact', 'agent.email@example.test', '--code', '000000']],
  ['getUserDetails (master token)', '193', 'user', ['--username', 'agent.email', '--master-admin']],
  ['updateUserAttributes bare (master token)', '193', 'update-attrs', ['--username', 'agent.noattrs', '--master-admin', '--attr', 'twoFAChannel=APP', '--attr', 'is2FARegistered=false']],
  ['getQRCode', '193', 'qr', ['--username', 'agent.noattrs']],
  // 1.7.5
  ['1.7.5 login app', '175', 'login', ['--username', 'agent.app', '--password', 'agent-pass', '--channel', 'APP']],
  ['1.7.5 login sms (legacy user)', '175', 'login', ['--username', 'agent.legacy', '--password', 'agent-pass', '--channel', 'SMS']],
  ['1.7.5 registerPhoneNumber', '175', 'register-contact', ['--username', 'agent.none', '--contact', '15550100999']],
  ['1.7.5 validateOTP app (tenant admin fixed)', '175', 'validate-otp', ['--username', 'agent.app', '--password', 'agent-pass', '--code', '000000', ...FIXED_ADMIN]],
];

const rows = [];
for (const [label, version, action, args] of cases) {
  if (only && only !== version) continue;
  let d;
  try {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'harness.js'), version, action, '--config', config, '--timeout', '10', ...args], { encoding: 'utf8' });
    d = JSON.parse(out);
  } catch (e) {
    rows.push({ label, harnessFailed: String(e.message).split('\n')[0] });
    continue;
  }
  const f = d.firstFailedRequest;
  rows.push({
    label,
    ok: d.ok,
    steps: d.steps.map((s) => `${s.fn}:${s.ok ? 'ok' : s.hung ? 'hung' : s.crash ? 'crash' : 'fail'}`).join(' > '),
    message: d.message,
    requests: (d.requests || []).length,
    firstFailed: f ? `#${f.n} ${f.method} ${f.url} -> ${f.status ?? f.error} ${f.response !== undefined ? JSON.stringify(f.response) : ''}`.trim() : null,
    ...(d.blockedHosts ? { blockedHosts: d.blockedHosts } : {}),
  });
}
if (asJson) for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
else for (const r of rows) {
  process.stdout.write(`- ${r.label}: ${r.ok ? 'OK' : 'FAIL'} [${r.steps || r.harnessFailed}] ${r.requests ?? 0} requests\n`);
  if (r.message) process.stdout.write(`    message: ${r.message}\n`);
  if (r.firstFailed) process.stdout.write(`    first failed: ${r.firstFailed}\n`);
  if (r.blockedHosts) process.stdout.write(`    blocked (not loopback): ${r.blockedHosts.join(', ')}\n`);
}
