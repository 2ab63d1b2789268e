#!/usr/bin/env node
// Drives Expertflow's own Keycloak connector (npm `ef-keycloak-connect`), unmodified, against the
// servers a config file names: a cx2fa sandbox or a real deployment. No proxy, no translation:
// the connector talks straight to the URLs in the config.
//
//   node harness.js <193|175> <action> --config cfg.json [options]
//
// Prints exactly one JSON line on stdout: {ok, status, message, steps, requests, ...}, secrets
// masked. Exit 0 whenever the harness ran (the connector failing, even crashing, is a result);
// 1 for a harness bug, 2 for bad usage. Run `node harness.js --help` for the actions.
//
// Safety: every outgoing TCP connection is checked; anything but a loopback address is refused
// before DNS (so a Twilio client, or a config still naming in-cluster hosts, cannot leak).

'use strict';

const fs = require('fs');
const net = require('net');
const path = require('path');
const { execFileSync } = require('child_process');

const USAGE = `usage: node harness.js <193|175> <action> --config cfg.json [options]

versions: 193 = ef-keycloak-connect@1.9.3-RC8 (OTP manager), 175 = ef-keycloak-connect@1.7.5 (TOTP + Twilio)

actions (connector function in brackets):
  login           --username U --password P [--contact C] [--otp CODE | --passcode P | --otp-cmd CMD | --totp-secret-file F]
                  [--secret-out F] [--twofa k=v ...] [--channel X] [--no-2fa] [--bare-twofa]
                  193: authenticateUserViaKeycloak(U, P, realm, {...twoFAConfigs, tenantId, appName});
                  175: authenticateUserViaKeycloak(U, P, realm, is2FAEnabled, channel.toLowerCase()).
                  Then, if --contact and registration is asked for: register-contact; then, if a code
                  source is given and an OTP is asked for: validate-otp. Each call is one step.
  register-contact --username U --contact C      193: registerCustomerChannelIdentifier(U, C, appName, tenantId)
                                                 175: registerPhoneNumber(U, C)
  send-otp        --username U                   193: sendOTPviaOTPManager(U, {...twoFAConfigs, tenantId, appName})
                  --contact PHONE                175: sendOTPviaSMS(PHONE) (Twilio: blocked, not loopback)
  validate-otp    --username U --password P (--code C | --otp-cmd CMD | --totp-secret-file F)
                                                 193: validateOTP(U, P, realm, C, appName, tenantId)
                                                 175: validateOTP(U, P, realm, C)
  verify-otp      --contact C --code C [--csi S] 193 only: verifyOTPviaOTPManager({customerChannelIdentifier,
                                                 channelServiceIdentifier}, C, appName, tenantId)
  token           --username U --password P      getKeycloakTokenWithIntrospect(U, P, realm, 'CX'|undefined)
  admin-token                                    getAccessToken(USERNAME_ADMIN, PASSWORD_ADMIN)
  user            --username U                   getAccessToken(admin) + getUserDetails(token, U)
  update-attrs    --username U --attr k=v ...    getAccessToken(admin) + getUserDetails + updateUserAttributes
                                                 (values as the connector sends them: bare; JSON parsed)
  qr              --username U                   getQRCode(U) (no HTTP; secret not printed)

config (--config): {"tenantId", "appName"?, "keyCloak": {...}, "twoFAConfigs": {...}}, or a whole
tenant document ({"tenantId", "tenantSettings": {"keyCloak", "twoFAConfigs"}}). keyCloak is
handed to the connector as-is (auth-server-url ending in "/", realm, CLIENT_ID, credentials.secret,
GRANT_TYPE, USERNAME_ADMIN, PASSWORD_ADMIN, ef-server-url, Otp_Manager_Url, RSA_*).
  --set keyCloak.K=V   override one field (repeatable; V parsed as JSON when it parses)
  --twofa K=V          override one twoFAConfigs field;  --channel X  same as --twofa channelType=X
  --channel175 app|sms 175 login: the twoFAChannel argument (default: twoFAConfigs.channelType lower-cased)
  --app-name N         appName (default: config appName, else "CX")
  --bare-twofa         193 login/send-otp: pass the tenant's twoFAConfigs without tenantId/appName
  --otp-cmd CMD        shell command printing the code, run right before validation (e.g. read an outbox)
  --master-admin       user/update-attrs: get the admin token from the master realm (keyCloak.MASTER_USERNAME /
                       MASTER_PASSWORD, admin-cli) instead of getAccessToken's tenant-realm admin grant
  --timeout SECS       how long one connector call may stay pending before it is reported hung (20)
  --no-trace           leave the request trace out of the output
`;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const pos = [];
  const opt = { set: [], twofa: [], attr: [] };
  const multi = new Set(['set', 'twofa', 'attr']);
  const flags = new Set(['bare-twofa', 'no-trace', 'no-2fa', 'help', 'master-admin']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) { pos.push(a); continue; }
    let k = a.slice(2);
    let v;
    const eq = k.indexOf('=');
    if (eq >= 0 && !multi.has(k.slice(0, eq))) { v = k.slice(eq + 1); k = k.slice(0, eq); }
    if (flags.has(k)) { opt[k] = true; continue; }
    if (v === undefined) {
      if (i + 1 >= argv.length) throw usage(`--${k} needs a value`);
      v = argv[++i];
    }
    if (multi.has(k)) opt[k].push(v); else opt[k] = v;
  }
  return { pos, opt };
}

class UsageError extends Error {}
function usage(msg) { return new UsageError(msg); }

function parseValue(v) {
  try { return JSON.parse(v); } catch { return v; }
}

function kv(s) {
  const i = s.indexOf('=');
  if (i <= 0) throw usage(`expected K=V, got ${JSON.stringify(s)}`);
  return [s.slice(0, i), parseValue(s.slice(i + 1))];
}

// ---------------------------------------------------------------- loopback guard

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;
const blocked = [];
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  let host;
  let isPath = false;
  if (first && typeof first === 'object') {
    if (first.path) isPath = true;
    host = first.host;
  } else if (typeof first === 'string' && !/^\d+$/.test(first)) {
    isPath = true; // a unix socket path
  } else {
    host = typeof args[1] === 'string' ? args[1] : undefined;
  }
  if (!isPath) {
    const h = host === undefined || host === '' ? 'localhost' : String(host);
    if (!LOOPBACK.test(h)) {
      const err = Object.assign(new Error(`harness: connection to non-loopback host ${h} refused`), {
        code: 'EHARNESSBLOCKED',
      });
      blocked.push(h);
      process.nextTick(() => this.destroy(err));
      return this;
    }
  }
  return origConnect.apply(this, args);
};

// ---------------------------------------------------------------- console capture

// The connector logs with console.log/error (sometimes whole error objects); stdout must hold
// only the result line.
const logs = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
  console[level] = (...a) => {
    const text = a
      .map((x) => (typeof x === 'string' ? x : safeInspect(x)))
      .join(' ');
    logs.push({ level, text: maskText(text).slice(0, 2000) });
  };
}
function safeInspect(x) {
  try { return require('util').inspect(mask(x), { depth: 4, breakLength: Infinity }); } catch { return String(x); }
}

// ---------------------------------------------------------------- masking

const SECRET_KEY = /(secret|password|passwd|token|key$|keys$|^authorization$|^otpauth_url$|^client-key$)/i;
const NOT_SECRET = new Set(['token_type', 'refresh_expires_in']);

function mask(v, key) {
  if (key !== undefined && SECRET_KEY.test(key) && !NOT_SECRET.has(key) && v !== undefined && v !== null && v !== '') {
    if (/^authorization$/i.test(key) && typeof v === 'string') return v.replace(/\s.*$/, ' ***');
    return '***';
  }
  if ((key === 'qrImage' || key === 'image') && typeof v === 'string' && v.startsWith('data:')) return `<QR data URL, ${v.length} chars; encodes the secret>`;
  if (key === 'collectedInputs' && Array.isArray(v)) return v.map((i) => ({ ...i, value: i && i.value ? '***' : i && i.value }));
  if (Array.isArray(v)) return v.map((x) => mask(x));
  if (v && typeof v === 'object') {
    if (v instanceof Error) return { name: v.name, message: v.message, ...(v.code ? { code: v.code } : {}) };
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = mask(x, k);
    return out;
  }
  return v;
}

function maskText(s) {
  return String(s)
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/g, '$1***')
    .replace(/((?:password|client_secret|token|refresh_token|access_token)=)[^&\s]*/gi, '$1***');
}

function maskForm(s) {
  const p = new URLSearchParams(s);
  const out = {};
  for (const [k, x] of p) out[k] = mask(x, k);
  return out;
}

function bodyOf(data, contentType) {
  if (data === undefined || data === null || data === '') return undefined;
  if (typeof data === 'string') {
    if (/x-www-form-urlencoded/i.test(contentType || '')) return { form: maskForm(data) };
    try { return mask(JSON.parse(data)); } catch { return data.length > 500 ? data.slice(0, 500) + '…' : data; }
  }
  if (Buffer.isBuffer(data)) return `<${data.length} bytes>`;
  return mask(data);
}

// ---------------------------------------------------------------- request trace

const trace = [];
const harnessFaults = [];
let pending = 0;

function headerValue(h, name) {
  if (!h) return undefined;
  const k = Object.keys(h).find((x) => x.toLowerCase() === name);
  return k ? h[k] : undefined;
}

function installTrace(axios) {
  axios.interceptors.request.use((config) => {
    pending++;
    const n = trace.length + 1;
    config.__harnessN = n;
    trace.push({ n, method: String(config.method || 'get').toUpperCase(), url: config.url });
    return config;
  });
  const finish = (config, fill) => {
    const t = config && config.__harnessN ? trace[config.__harnessN - 1] : undefined;
    pending = Math.max(0, pending - 1);
    if (!t) return;
    // A fault in the harness's own recording must not change what the connector sees.
    try { fill(t); } catch (e) { harnessFaults.push(`trace #${t.n}: ${e.name}: ${e.message}`); }
  };
  const record = (t, config, req, res) => {
    // The headers exactly as sent (Node's ClientRequest), when there was a request.
    // Without a request (refused before connecting) the headers as the connector set them.
    let sent = req && typeof req.getHeaders === 'function' ? req.getHeaders() : undefined;
    if (!sent && config && config.headers) {
      const h = typeof config.headers.toJSON === 'function' ? config.headers.toJSON() : config.headers;
      sent = Object.fromEntries(Object.entries(h).filter(([, x]) => x !== undefined && x !== null && x !== false).map(([k, x]) => [k.toLowerCase(), x]));
    }
    if (sent) t.headers = mask(Object.fromEntries(Object.entries(sent).filter(([k]) => !['user-agent', 'accept-encoding', 'content-length', 'connection'].includes(k))));
    // config.data holds the body as transformed, i.e. as sent.
    const ct = sent ? headerValue(sent, 'content-type') : undefined;
    const body = bodyOf(config.data, ct);
    if (body !== undefined) t.body = body;
    if (res) {
      t.status = res.status;
      const rb = bodyOf(typeof res.data === 'string' ? res.data : res.data, headerValue(res.headers, 'content-type'));
      if (rb !== undefined) t.response = typeof rb === 'string' && rb.length > 500 ? rb.slice(0, 500) + '…' : rb;
    }
  };
  axios.interceptors.response.use(
    (res) => {
      finish(res.config, (t) => record(t, res.config, res.request, res));
      return res;
    },
    (err) => {
      finish(err && err.config, (t) => {
        record(t, err.config, err.request, err.response);
        if (!err.response) t.error = `${err.code || err.name}: ${err.message}`;
      });
      return Promise.reject(err);
    },
  );
}

// ---------------------------------------------------------------- config

function loadConfig(file, opt) {
  if (!file) throw usage('--config is required');
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  const settings = raw.tenantSettings || raw;
  const cfg = {
    tenantId: raw.tenantId,
    appName: opt['app-name'] || raw.appName || 'CX',
    keyCloak: JSON.parse(JSON.stringify(settings.keyCloak || {})),
    twoFAConfigs: JSON.parse(JSON.stringify(settings.twoFAConfigs || {})),
  };
  for (const s of opt.set) {
    const [k, v] = kv(s);
    const parts = k.split('.');
    let o = cfg;
    for (const p of parts.slice(0, -1)) o = o[p] = o[p] && typeof o[p] === 'object' ? o[p] : {};
    o[parts[parts.length - 1]] = v;
  }
  for (const s of opt.twofa) {
    const [k, v] = kv(s);
    cfg.twoFAConfigs[k] = v;
  }
  if (opt.channel) cfg.twoFAConfigs.channelType = opt.channel;
  if (opt['no-2fa']) cfg.twoFAConfigs.is2FAEnabled = false;
  const warnings = [];
  const kc = cfg.keyCloak;
  if (!kc.GRANT_TYPE) warnings.push('keyCloak.GRANT_TYPE is missing: the connector sends grant_type= (empty) on every password grant');
  for (const u of ['auth-server-url', 'Otp_Manager_Url', 'RSA_Server_URL', 'ef-server-url']) {
    if (kc[u] && !String(kc[u]).endsWith('/')) warnings.push(`keyCloak.${u} does not end with "/": the connector appends paths to it`);
  }
  if (!cfg.tenantId) warnings.push('tenantId is missing: the OTP manager calls go without a tenant header');
  return { cfg, warnings };
}

// ---------------------------------------------------------------- connector

const CONNECTORS = {
  193: { pkg: 'ef193', label: 'ef-keycloak-connect@1.9.3-RC8' },
  175: { pkg: 'ef175', label: 'ef-keycloak-connect@1.7.5' },
};

function loadConnector(version) {
  const c = CONNECTORS[version];
  if (!c) throw usage(`unknown version ${JSON.stringify(version)} (193 or 175)`);
  const dir = path.dirname(require.resolve(`${c.pkg}/package.json`));
  const axios = require(require.resolve('axios', { paths: [dir] }));
  installTrace(axios);
  const { NodeAdapter } = require(c.pkg);
  const speakeasy = require(require.resolve('speakeasy', { paths: [dir] }));
  return { ...c, dir, NodeAdapter, speakeasy, axios, version: require(`${c.pkg}/package.json`).version };
}

let stepTimeoutMs = 20000;
const HUNG = Symbol('hung');

/** One connector call: its outcome, never a throw. A call whose promise never settles (the
 * connector sometimes throws inside a Promise executor after an unexpected error, leaving it
 * pending forever) is reported as `hung` after the step timeout. */
async function step(steps, fn, call, args) {
  const s = { fn, args: mask(args) };
  steps.push(s);
  const firstRequest = trace.length + 1;
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve(HUNG), stepTimeoutMs); });
  try {
    const r = await Promise.race([Promise.resolve().then(call), timeout]);
    if (r === HUNG) {
      s.ok = false;
      s.hung = true;
      s.error = { error_message: `harness: the connector's promise never settled (waited ${stepTimeoutMs} ms)` };
    } else {
      s.ok = true;
      s.result = r === undefined ? null : r;
    }
  } catch (e) {
    s.ok = false;
    s.error = e;
  } finally {
    clearTimeout(timer);
  }
  s.requests = trace.length >= firstRequest ? [firstRequest, trace.length] : [];
  return s;
}

function normalise(s) {
  const out = { fn: s.fn, ok: s.ok, args: s.args };
  if (s.hung) out.hung = true;
  if (s.ok) {
    out.result = mask(s.result);
    if (s.result && typeof s.result === 'object' && typeof s.result.message === 'string') out.message = s.result.message;
  } else {
    const e = s.error;
    if (e instanceof Error) {
      // The connector threw (a TypeError and the like): say where, in its own source.
      const at = (e.stack || '').split('\n').find((l) => /ef-keycloak-connect|ef1[79][35]/.test(l) || /keycloakService/.test(l));
      out.crash = { name: e.name, message: e.message, at: at ? at.trim().replace(/^.*node_modules\//, '') : undefined };
      out.message = `${e.name}: ${e.message}`;
    } else if (e && typeof e === 'object') {
      const d = e.error_detail;
      out.status = (d && typeof d === 'object' && d.status !== undefined ? d.status : undefined)
        ?? e.status ?? (typeof e.error === 'number' ? e.error : undefined);
      out.message = e.error_message || e.message || (typeof e.error === 'string' ? e.error : undefined);
      if (d && typeof d === 'object' && d.reason) out.reason = d.reason;
      out.error = mask(e);
    } else {
      out.message = String(e);
      out.error = e;
    }
  }
  out.requests = s.requests;
  // The HTTP status of the step's last request: the connector's rejections do not always carry one
  // (an OTP manager error is passed on as its bare body).
  if (s.requests.length) {
    const t = trace[s.requests[1] - 1];
    if (t && t.status !== undefined) out.httpStatus = t.status;
  }
  return out;
}

async function codeFrom(opt, cx, steps, fallback) {
  if (opt.code) return opt.code;
  if (opt.otp) return opt.otp;
  if (opt.passcode) return opt.passcode;
  if (opt['totp-secret-file']) {
    const secret = fs.readFileSync(opt['totp-secret-file'], 'utf8').trim();
    return cx.speakeasy.totp({ secret, encoding: 'base32' });
  }
  if (opt['otp-cmd']) {
    // Not a connector call, but a step of its own, so that a failing command is a result.
    const s = await step(steps, 'harness:otpCmd', () => {
      const out = execFileSync('/bin/sh', ['-c', opt['otp-cmd']], { encoding: 'utf8', timeout: 15000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      if (!out) throw new Error('--otp-cmd printed nothing');
      return { code: out.split(/\s+/).pop() };
    }, { cmd: opt['otp-cmd'] });
    return s.ok ? s.result.code : undefined;
  }
  return fallback;
}

function need(opt, ...names) {
  for (const n of names) if (!opt[n]) throw usage(`--${n} is required`);
}

async function run(version, action, opt) {
  const cx = loadConnector(version);
  const { cfg, warnings } = loadConfig(opt.config, opt);
  const kc = cfg.keyCloak;
  const realm = kc.realm;
  const adapter = new cx.NodeAdapter(kc);
  const steps = [];
  const is193 = version === '193';
  const twoFA = () => (opt['bare-twofa'] ? { ...cfg.twoFAConfigs } : { ...cfg.twoFAConfigs, tenantId: cfg.tenantId, appName: cfg.appName });
  const extra = {};

  const adminToken = async () => {
    if (opt['master-admin']) {
      // Not a connector call: a master-realm admin token (the keyCloak document's MASTER_USERNAME /
      // MASTER_PASSWORD, client admin-cli), handed to the connector functions that take a token.
      const url = `${kc['auth-server-url']}realms/master/protocol/openid-connect/token`;
      const form = new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: kc.MASTER_USERNAME || '', password: kc.MASTER_PASSWORD || '' });
      const s = await step(steps, 'harness:masterAdminToken', () => cx.axios.post(url, form.toString(), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).then((r) => r.data),
        { url, username: kc.MASTER_USERNAME });
      return s.ok ? s.result.access_token : undefined;
    }
    const s = await step(steps, 'getAccessToken', () => adapter.getAccessToken(kc.USERNAME_ADMIN, kc.PASSWORD_ADMIN), { username: kc.USERNAME_ADMIN });
    if (!s.ok) return undefined;
    const t = s.result && s.result.access_token;
    return t;
  };

  const validate = async (code) => {
    const u = opt.username;
    if (is193) {
      return step(steps, 'validateOTP', () => adapter.validateOTP(u, opt.password, realm, code, cfg.appName, cfg.tenantId),
        { username: u, realm, otp: code, appName: cfg.appName, tenantId: cfg.tenantId });
    }
    return step(steps, 'validateOTP', () => adapter.validateOTP(u, opt.password, realm, code), { username: u, realm, otp: code });
  };

  const register = async (contact) => {
    const u = opt.username;
    if (is193) {
      return step(steps, 'registerCustomerChannelIdentifier', () => adapter.registerCustomerChannelIdentifier(u, contact, cfg.appName, cfg.tenantId),
        { username: u, contact, appName: cfg.appName, tenantId: cfg.tenantId });
    }
    return step(steps, 'registerPhoneNumber', () => adapter.registerPhoneNumber(u, contact), { username: u, phoneNumber: contact });
  };

  switch (action) {
    case 'login': {
      need(opt, 'username', 'password');
      const u = opt.username;
      let s;
      if (is193) {
        const t = twoFA();
        s = await step(steps, 'authenticateUserViaKeycloak', () => adapter.authenticateUserViaKeycloak(u, opt.password, realm, t),
          { username: u, realm, twoFAConfigs: t });
      } else {
        const enabled = !!cfg.twoFAConfigs.is2FAEnabled;
        const ch = opt.channel175 || (cfg.twoFAConfigs.channelType ? String(cfg.twoFAConfigs.channelType).toLowerCase() : undefined);
        s = await step(steps, 'authenticateUserViaKeycloak', () => adapter.authenticateUserViaKeycloak(u, opt.password, realm, enabled, ch),
          { username: u, realm, is2FAEnabled: enabled, twoFAChannel: ch });
      }
      if (!s.ok || !s.result || s.result.token) break; // failed, or logged in without 2FA
      const r = s.result;
      if (r.otpSecret) {
        // APP registration: the secret is the user's; it goes to a file if asked, never to stdout.
        extra.registration = { totpNow: cx.speakeasy.totp({ secret: r.otpSecret, encoding: 'base32' }) };
        if (opt['secret-out']) {
          fs.writeFileSync(opt['secret-out'], r.otpSecret + '\n', { mode: 0o600 });
          extra.registration.secretWrittenTo = opt['secret-out'];
        }
      }
      const channel = String(r.twoFAChannel || '').toUpperCase();
      if (r.is2FARegistered === false && ['SMS', 'EMAIL'].includes(channel)) {
        if (!opt.contact) break;
        const rs = await register(opt.contact);
        if (!rs.ok) break;
      }
      let code;
      if (r.otpSecret && !opt.otp && !opt.passcode && !opt['otp-cmd'] && !opt['totp-secret-file']) code = undefined;
      else code = await codeFrom(opt, cx, steps, undefined);
      if (code === undefined) break;
      await validate(code);
      break;
    }
    case 'register-contact': {
      need(opt, 'username', 'contact');
      await register(opt.contact);
      break;
    }
    case 'send-otp': {
      if (is193) {
        need(opt, 'username');
        const t = twoFA();
        await step(steps, 'sendOTPviaOTPManager', () => adapter.sendOTPviaOTPManager(opt.username, t), { username: opt.username, twoFAData: t });
      } else {
        need(opt, 'contact');
        await step(steps, 'sendOTPviaSMS', () => adapter.sendOTPviaSMS(opt.contact), { phoneNumber: opt.contact });
      }
      break;
    }
    case 'validate-otp': {
      need(opt, 'username', 'password');
      const code = await codeFrom(opt, cx, steps, undefined);
      if (code === undefined) throw usage('validate-otp needs --code, --otp-cmd or --totp-secret-file');
      await validate(code);
      break;
    }
    case 'verify-otp': {
      if (!is193) throw usage('verify-otp exists only in 1.9.3 (175 verifies through Twilio inside validateOTP)');
      need(opt, 'contact');
      const code = await codeFrom(opt, cx, steps, undefined);
      if (code === undefined) throw usage('verify-otp needs --code or --otp-cmd');
      const data = { customerChannelIdentifier: opt.contact, channelServiceIdentifier: opt.csi || cfg.twoFAConfigs.channelServiceIdentifier };
      await step(steps, 'verifyOTPviaOTPManager', () => adapter.verifyOTPviaOTPManager(data, code, cfg.appName, cfg.tenantId),
        { twoFAData: data, otp: code, appName: cfg.appName, tenantId: cfg.tenantId });
      break;
    }
    case 'token': {
      need(opt, 'username', 'password');
      await step(steps, 'getKeycloakTokenWithIntrospect', () => adapter.getKeycloakTokenWithIntrospect(opt.username, opt.password, realm, is193 ? 'CX' : undefined),
        { username: opt.username, realm, type: is193 ? 'CX' : undefined });
      break;
    }
    case 'admin-token': {
      await adminToken();
      break;
    }
    case 'user': {
      need(opt, 'username');
      const t = await adminToken();
      if (t) await step(steps, 'getUserDetails', () => adapter.getUserDetails(t, opt.username), { username: opt.username });
      break;
    }
    case 'update-attrs': {
      need(opt, 'username');
      if (!opt.attr.length) throw usage('update-attrs needs at least one --attr k=v');
      const t = await adminToken();
      if (!t) break;
      const us = await step(steps, 'getUserDetails', () => adapter.getUserDetails(t, opt.username), { username: opt.username });
      if (!us.ok) break;
      const attrs = {};
      for (const a of opt.attr) { const [k, v] = kv(a); attrs[k] = v; }
      await step(steps, 'updateUserAttributes', () => adapter.updateUserAttributes(t, us.result.id, attrs), { userId: us.result.id, attributes: attrs });
      break;
    }
    case 'qr': {
      need(opt, 'username');
      const s = await step(steps, 'getQRCode', () => adapter.getQRCode(opt.username), { username: opt.username });
      if (s.ok && s.result) {
        extra.qr = {
          secretLength: s.result.secret.length,
          imageIsPngDataUrl: /^data:image\/png;base64,/.test(s.result.image),
          totpNow: cx.speakeasy.totp({ secret: s.result.secret, encoding: 'base32' }),
        };
        if (opt['secret-out']) { fs.writeFileSync(opt['secret-out'], s.result.secret + '\n', { mode: 0o600 }); extra.qr.secretWrittenTo = opt['secret-out']; }
      }
      break;
    }
    default:
      throw usage(`unknown action ${JSON.stringify(action)}`);
  }
  return { cx, cfg, warnings, steps, extra };
}

// ---------------------------------------------------------------- main

const unhandled = [];
process.on('unhandledRejection', (e) => {
  unhandled.push(e instanceof Error ? `${e.name}: ${e.message}` : mask(e));
});

function emit(obj, code) {
  process.stdout.write(JSON.stringify(obj) + '\n', () => process.exit(code));
}

async function settle(maxMs) {
  // The connector often rejects and then carries on issuing requests; wait for those too.
  const end = Date.now() + maxMs;
  let idleSince = Date.now();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    if (pending > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= 150) return true;
  }
  return false;
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (e) {
    emit({ ok: false, harnessError: 'usage', message: e.message, usage: USAGE }, 2);
    return;
  }
  const { pos, opt } = parsed;
  if (opt.help || pos.length < 2) {
    if (opt.help) { process.stderr.write(USAGE); process.exit(0); }
    emit({ ok: false, harnessError: 'usage', message: 'expected <193|175> <action>', usage: USAGE }, 2);
    return;
  }
  const [version, action] = pos;
  if (opt.timeout) stepTimeoutMs = Number(opt.timeout) * 1000;
  let out;
  try {
    out = await run(version, action, opt);
  } catch (e) {
    if (e instanceof UsageError) { emit({ ok: false, harnessError: 'usage', message: e.message }, 2); return; }
    emit({ ok: false, harnessError: 'bug', message: `${e.name}: ${e.message}`, stack: String(e.stack).split('\n').slice(0, 6) }, 1);
    return;
  }
  const settled = await settle(10000);
  const steps = out.steps.map(normalise);
  const last = steps[steps.length - 1] || {};
  const firstFailed = trace.find((t) => t.error || (t.status && t.status >= 400));
  const result = {
    ok: steps.length > 0 && steps.every((s) => s.ok),
    connector: `${out.cx.label}`,
    action,
    status: last.ok ? (trace.length ? trace[trace.length - 1].status : null) : (last.status ?? null),
    message: last.message ?? null,
    ...(last.reason ? { reason: last.reason } : {}),
    ...out.extra,
    steps,
    firstFailedRequest: firstFailed || null,
    ...(opt['no-trace'] ? {} : { requests: trace }),
    ...(out.warnings.length ? { warnings: out.warnings } : {}),
    ...(blocked.length ? { blockedHosts: [...new Set(blocked)] } : {}),
    ...(unhandled.length ? { unhandledRejections: unhandled } : {}),
    ...(harnessFaults.length ? { harnessFaults } : {}),
    ...(settled ? {} : { unsettledRequests: pending }),
    ...(logs.length ? { connectorLogs: logs.slice(0, 20) } : {}),
  };
  emit(result, harnessFaults.length ? 1 : 0);
}

main().catch((e) => emit({ ok: false, harnessError: 'bug', message: `${e.name}: ${e.message}` }, 1));
