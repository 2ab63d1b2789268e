#!/usr/bin/env node
// Reads the `--print-curl` lines cx2fa wrote on stderr (plain, or as the `status` of a JSON
// line with `-o json`) and prints, as one JSON array, the requests whose URL matches a regular
// expression: {url, headers: {lowercased name: value}, body (parsed JSON or null)}.
// The lines are split into shell words without a shell (nothing is run).
//
//   node curl-requests.js STDERR_FILE URL_REGEX

'use strict';

const fs = require('fs');

function words(line) {
  const out = [];
  let cur = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, j);
      i = j;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      while (line[j] !== '"') {
        if (line[j] === '\\') j++;
        cur += line[j];
        j++;
      }
      i = j;
      inWord = true;
    } else if (c === '\\') {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out;
}

const [file, pattern] = process.argv.slice(2);
const re = new RegExp(pattern);
const found = [];
for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
  let line = raw;
  if (line.startsWith('{')) {
    try {
      const o = JSON.parse(line);
      if (typeof o.status === 'string') line = o.status;
    } catch (e) {
      /* not JSON */
    }
  }
  if (!line.startsWith('curl ')) continue;
  const w = words(line);
  const url = w.find((x) => /^https?:/.test(x)) || '';
  if (!re.test(url)) continue;
  const headers = {};
  let body = null;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === '-H') {
      const [k, ...v] = w[++i].split(':');
      headers[k.trim().toLowerCase()] = v.join(':').trim();
    }
    if (w[i] === '--data-raw' || w[i] === '-d' || w[i] === '--data') {
      // A secret spliced in as a shell variable reads `$CX2FA_...` here: still valid JSON.
      body = JSON.parse(w[++i]);
    }
  }
  found.push({ url, headers, body });
}
process.stdout.write(JSON.stringify(found));
