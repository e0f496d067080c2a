// The console's request signing (src/main/resources/console/acs.js), run in Node on the ACS3
// vectors the official npm client produced (src/test/resources/shared/vectors): the same
// canonical request, string to sign and signature, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { signRequest, pct } from '../../src/main/resources/console/acs.js';

const dir = new URL('../../src/test/resources/shared/vectors/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8'));
const vectors = index
  .filter((v) => v.expect === 'valid' && v.scheme === 'ACS3-HMAC-SHA256')
  .map((v) => JSON.parse(readFileSync(new URL(v.file, dir), 'utf8')))
  .filter((v) => v.method === 'POST' && v.body === '' && !v.securityToken && v.id.startsWith('npm-'));

test('there are vectors to check against', () => assert.ok(vectors.length >= 2, `${vectors.length} vectors`));

for (const v of vectors) {
  test(`signs as the official client: ${v.id}`, async () => {
    const headers = Object.fromEntries(Object.entries(v.headers).map(([k, val]) => [k.toLowerCase(), val]));
    const signed = /SignedHeaders=([^,]+)/.exec(headers.authorization)[1].split(';');
    const ours = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
    const extraHeaders = Object.fromEntries(signed.filter((n) => !ours.includes(n)).map((n) => [n, headers[n]]));
    const out = await signRequest({
      accessKeyId: v.accessKeyId, accessKeySecret: v.accessKeySecret, host: headers.host,
      action: headers['x-acs-action'], version: headers['x-acs-version'], params: v.query,
      date: new Date(headers['x-acs-date']), nonce: headers['x-acs-signature-nonce'], extraHeaders });
    assert.equal(out.canonical, v.debug.canonicalRequest);
    assert.equal(out.stringToSign, v.debug.stringToSign);
    assert.equal(out.headers.authorization, headers.authorization);
  });
}

test('percent-encoding keeps only A-Z a-z 0-9 - _ . ~', () => {
  assert.equal(pct("a b*c~d!'()+&=/?%#:é"), 'a%20b%2Ac~d%21%27%28%29%2B%26%3D%2F%3F%25%23%3A%C3%A9');
});
