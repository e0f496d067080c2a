// What the console's browser test and its screenshot script share: a real swasd (./swasd serve
// --port 0 --control-api on a throw-away data directory), the official SDK clients pointed at
// it, and Debian's headless chromium driven by puppeteer-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';

// the SDKs come from the npm conformance package (run-tests installs it first)
export const npmDir = new URL('../npm/', import.meta.url).pathname;
const requireSdk = createRequire(join(npmDir, 'package.json'));
const swas = requireSdk('@alicloud/swas-open20200601');
const ram = requireSdk('@alicloud/ram20150501');
const { $OpenApiUtil } = requireSdk('@alicloud/openapi-core');
export { swas, ram };

export const keyId = 'LTAIConsoleRoot0001';
export const secret = 'ConsoleRootSecret0001abc';
export const regionId = 'cn-hangzhou';
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = () => existsSync(chromiumPath);
const swasdBin = process.env.SWASD_BIN ?? new URL('../../swasd', import.meta.url).pathname;

/** Starts swasd; resolves to { endpoint, stop }. */
export async function startSwasd({ stateDelay = '1s' } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'swasd-console-'));
  const server = spawn(swasdBin, ['serve', '--port', '0', '--control-api', '--data', data, '--state-delay', stateDelay,
    '--root-access-key-id', keyId, '--root-access-key-secret', secret], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/listening on http:\/\/([\d.]+:\d+)/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`swasd exited with ${code}`)));
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  return {
    endpoint,
    async stop() {
      server.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

function config(endpoint, accessKeyId, accessKeySecret) {
  return new $OpenApiUtil.Config({ accessKeyId, accessKeySecret, endpoint, protocol: 'http', regionId });
}

export function swasClient(endpoint, accessKeyId = keyId, accessKeySecret = secret) {
  return new swas.default(config(endpoint, accessKeyId, accessKeySecret));
}

export function ramClient(endpoint, accessKeyId = keyId, accessKeySecret = secret) {
  return new ram.default(config(endpoint, accessKeyId, accessKeySecret));
}

/** The control API (docs/testing-with-swasd.md): JSON over HTTP, Basic with the root AccessKey. */
export async function control(endpoint, method, path, body) {
  const res = await fetch(`http://${endpoint}/_swasd/${path}`, {
    method, body: body && JSON.stringify(body),
    headers: { authorization: 'Basic ' + Buffer.from(`${keyId}:${secret}`).toString('base64') } });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A server made through the SDK; resolves to its id. */
export async function newServer(client, name) {
  const { body: images } = await client.listImages(new swas.ListImagesRequest({ regionId, imageType: 'system' }));
  const linux = images.images.find((i) => i.platform === 'Linux').imageId;
  const { body } = await client.createInstances(new swas.CreateInstancesRequest({ regionId, imageId: linux,
    planId: 'swas.s2.c2m2s40b3t08', period: 1, amount: 1 }));
  const id = body.instanceIds[0];
  if (name) {
    await waitFor(async () => (await instance(client, id)).status === 'Running', `${id} Running`);
    await client.updateInstanceAttribute(new swas.UpdateInstanceAttributeRequest({ regionId, instanceId: id, instanceName: name }));
  }
  return id;
}

export async function instance(client, id) {
  const { body } = await client.listInstances(new swas.ListInstancesRequest({ regionId, instanceIds: JSON.stringify([id]) }));
  return body.instances[0];
}

export async function waitFor(check, what, ms = 20000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function launchBrowser() {
  return puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/** Signs in on a fresh page with the form's labelled fields; resolves once the navigation shows. */
export async function signIn(page, endpoint, id = keyId, key = secret) {
  await page.goto(`http://${endpoint}/console/`);
  await page.locator('::-p-aria(AccessKey ID)').fill(id);
  await page.locator('::-p-aria(AccessKey Secret)').fill(key);
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
  await page.waitForSelector('nav:not([hidden])');
}
