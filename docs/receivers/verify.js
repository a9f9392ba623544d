// Verifies the X-Chime-Signature header of a Chime callback. Node 16+, standard library only;
// copy this file into your service.
//
// The header is "t=<unix seconds>,v1=<hex HMAC-SHA256>", the HMAC taken over
// "<t>.<run id>.<raw body>" with the namespace's signing secret. Verify the raw body bytes as
// they arrived, before parsing them (re-serialised JSON will not match). A request is accepted
// when a v1 matches (compared in constant time) and t is within five minutes of now, so a
// captured request cannot be replayed later. The run id is the same on every retry: keep it to
// ignore duplicates.
//
//   const { verifyChimeSignature } = require('./verify');
//   // with express: app.post('/internal/cron/sync', express.raw({ type: '*/*' }), (req, res) => {
//   const result = verifyChimeSignature(req.get('X-Chime-Signature'), req.get('X-Chime-Run-Id'),
//       req.body, process.env.CHIME_SECRET);
//   if (!result.valid) return res.status(401).send(result.message);
'use strict';

const crypto = require('crypto');

const TOLERANCE_SECONDS = 5 * 60;

/**
 * @param {string|undefined} header the X-Chime-Signature header
 * @param {string|undefined} runId the X-Chime-Run-Id header
 * @param {Buffer} body the raw request body
 * @param {string} secret the namespace's signing secret
 * @param {number} [nowSeconds] unix seconds; defaults to the system clock (for tests)
 * @returns {{valid: true, signedAt: number} | {valid: false, reason: string, message: string}}
 */
function verifyChimeSignature(header, runId, body, secret, nowSeconds) {
  if (!secret) {
    throw new Error('no signing secret configured');
  }
  if (!header || !runId) {
    return reject('missing_header', header ? 'no X-Chime-Run-Id header' : 'no X-Chime-Signature header');
  }
  let t = null;
  const signatures = [];
  for (const part of header.split(',')) {
    const item = part.trim();
    if (/^t=\d{1,12}$/.test(item)) {
      t = Number(item.slice(2));
    } else if (/^v1=[0-9a-fA-F]{64}$/.test(item)) {
      signatures.push(Buffer.from(item.slice(3), 'hex'));
    }
  }
  if (t === null || signatures.length === 0) {
    return reject('malformed_header', 'X-Chime-Signature must be t=<unix seconds>,v1=<64 hex digits>');
  }
  const now = nowSeconds === undefined ? Math.floor(Date.now() / 1000) : nowSeconds;
  if (t < now - TOLERANCE_SECONDS) {
    return reject('too_old', `signed at ${t}, more than 5 minutes before now (${now})`);
  }
  if (t > now + TOLERANCE_SECONDS) {
    return reject('too_new', `signed at ${t}, more than 5 minutes after now (${now}); check the clocks`);
  }
  const expected = crypto.createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(`${t}.${runId}.`, 'utf8'))
    .update(body)
    .digest();
  let matches = false;
  for (const signature of signatures) {
    // Constant time, and no early exit.
    matches = crypto.timingSafeEqual(expected, signature) || matches;
  }
  return matches
    ? { valid: true, signedAt: t }
    : reject('mismatch', 'the signature does not match the body and run id');
}

function reject(reason, message) {
  return { valid: false, reason, message };
}

module.exports = { verifyChimeSignature, TOLERANCE_SECONDS };

// node verify.js <signature header> <run id> <body file> <now, unix seconds>, secret in the
// CHIME_SECRET environment variable: prints "valid" (exit 0) or "<reason>: <message>" (exit 1).
if (require.main === module) {
  const [header, runId, bodyFile, now] = process.argv.slice(2);
  const result = verifyChimeSignature(header, runId, require('fs').readFileSync(bodyFile),
    process.env.CHIME_SECRET, Number(now));
  console.log(result.valid ? 'valid' : `${result.reason}: ${result.message}`);
  process.exitCode = result.valid ? 0 : 1;
}
