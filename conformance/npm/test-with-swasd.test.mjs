// The Node example of docs/testing-with-swasd.md: the test runner starts `swasd serve --port 0
// --control-api` once, reads the port from its banner, resets the state before each test through
// the control API, and injects throttling. Run: node --test test-with-swasd.test.mjs
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const Client = swas.default.default;
const keyId = 'LTAIExampleKey0001';
const secret = 'ExampleSecret0001abc';
const regionId = 'cn-hangzhou';
const swasd = process.env.SWASD_BIN ?? new URL('../../swasd', import.meta.url).pathname;
let server, data, endpoint, client;

before(async () => {
  data = mkdtempSync(join(tmpdir(), 'swasd-node-'));
  server = spawn(swasd, ['serve', '--port', '0', '--control-api', '--data', data, '--state-delay', '30s',
    '--root-access-key-id', keyId, '--root-access-key-secret', secret], { stdio: ['ignore', 'pipe', 'inherit'] });
  // the banner's first line: "swasd: listening on http://127.0.0.1:PORT  account ..."
  endpoint = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on http:\/\/([\d.]+:\d+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`swasd exited with ${code}`)));
  });
  client = new Client(new $OpenApiUtil.Config({ accessKeyId: keyId, accessKeySecret: secret, endpoint,
    protocol: 'http', regionId }));
});

after(() => {
  server.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
});

// the control API: JSON over HTTP, Basic with the root AccessKey
async function control(method, path, body) {
  const res = await fetch(`http://${endpoint}/_swasd/${path}`, {
    method, body: body && JSON.stringify(body),
    headers: { authorization: 'Basic ' + Buffer.from(`${keyId}:${secret}`).toString('base64') } });
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
  return res.json();
}

beforeEach(() => control('POST', 'reset'));

async function newServer() {
  const { body: images } = await client.listImages(new swas.ListImagesRequest({ regionId, imageType: 'system' }));
  const linux = images.images.find((i) => i.platform === 'Linux').imageId;
  const { body } = await client.createInstances(new swas.CreateInstancesRequest({ regionId, imageId: linux,
    planId: 'swas.s2.c2m2s40b3t08', period: 1, amount: 1 }));
  return body.instanceIds[0];
}

test('a server is Running once the clock has moved by the state delay', async () => {
  const id = await newServer();
  const status = async () => (await client.listInstances(new swas.ListInstancesRequest({ regionId })))
    .body.instances.find((i) => i.instanceId === id).status;
  assert.equal(await status(), 'Pending');
  await control('POST', 'clock/advance', { by: '30s' });
  assert.equal(await status(), 'Running');
});

test('every test starts without resources', async () => {
  const { body } = await client.listInstances(new swas.ListInstancesRequest({ regionId }));
  assert.equal(body.totalCount, 0);
  await newServer(); // gone before the next test
});

test('an injected throttling error reaches the client once', async () => {
  await control('POST', 'faults', { action: 'ListInstances', code: 'Throttling.User', status: 400,
    message: 'Request was denied due to user flow control.', times: 1 });
  await assert.rejects(client.listInstances(new swas.ListInstancesRequest({ regionId })),
    (e) => e.code === 'Throttling.User' && e.statusCode === 400);
  await client.listInstances(new swas.ListInstancesRequest({ regionId })); // served again
  assert.deepEqual((await control('GET', 'faults')).faults, []);
});
