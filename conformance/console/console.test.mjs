// The web console in a real browser (docs/console.md): Debian's headless chromium driven by
// puppeteer-core against a real `swasd serve --control-api`. What a user does with it: sign in
// with the root key, see and stop a server made through the SDK, find a failed SDK call in the
// request log (and repeat it with the Node code the log offers), be refused as a RAM user
// without permission, ask the policy simulator; with the keyboard alone; on a phone-sized screen.
// Run: node --test console.test.mjs (run-tests does, after the Node example)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as H from './harness.mjs';

const { swas, ram, regionId } = H;
let server, endpoint, client, ramc, browser;

before(async () => {
  server = await H.startSwasd({ stateDelay: '1s' });
  endpoint = server.endpoint;
  client = H.swasClient(endpoint);
  ramc = H.ramClient(endpoint);
  browser = await H.launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function page({ width = 1280, height = 800 } = {}) {
  const p = await browser.newPage();
  await p.setViewport({ width, height });
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  // a refused answer logs "Failed to load resource" (expected); anything the policy blocked is an error
  p.on('console', (m) => /Content Security Policy/i.test(m.text()) && errors.push(m.text()));
  p.errors = errors;
  return p;
}

/** Closes a page once it has thrown no error of its own. */
async function done(p) {
  assert.deepEqual(p.errors, [], 'errors in the page');
  await p.close();
}

const text = (p, selector) => p.$eval(selector, (el) => el.textContent.trim());

/**
 * Waits until the request log's rows satisfy `check` (run in the page), pressing Refresh while
 * they do not: the log is written in batches, a moment after the calls.
 */
async function logRows(p, check, arg) {
  const until = Date.now() + 15000;
  for (;;) {
    await p.waitForFunction(() => !document.querySelector('main .loading'));
    if (await p.evaluate(check, arg)) return;
    if (Date.now() > until) throw new Error('the request log never showed the expected calls');
    await new Promise((r) => setTimeout(r, 500));
    await p.locator('::-p-aria([name="Refresh"][role="button"])').click();
  }
}
const row = (id) => `tr[data-instance-id="${id}"]`;

test('the console is served from the jar with a strict policy, and /console leads to /console/', async () => {
  const bare = await fetch(`http://${endpoint}/console`, { redirect: 'manual' });
  assert.equal(bare.status, 301);
  assert.equal(bare.headers.get('location'), '/console/');
  const index = await fetch(`http://${endpoint}/console/`);
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html;charset=utf-8');
  assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
  const csp = index.headers.get('content-security-policy');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'self'(;|$)/, 'no inline script, no other origin');
  const html = await index.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script element');
  assert.doesNotMatch(html, /https?:\/\//, 'nothing from another origin');
  const js = await fetch(`http://${endpoint}/console/app.js`);
  assert.equal(js.headers.get('content-type'), 'text/javascript;charset=utf-8');
  assert.equal((await fetch(`http://${endpoint}/console/nothing.js`)).status, 404);
  assert.equal((await fetch(`http://${endpoint}/console/`, { method: 'POST' })).status, 405);
  // the browser enforces it: script written into the page does not run, nothing loads from elsewhere
  const p = await page();
  await p.goto(`http://${endpoint}/console/`);
  await p.waitForSelector('#access-key-id');
  await p.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
  });
  assert.equal(await p.evaluate(() => window.injected), undefined);
  assert.match(p.errors.join(), /Content Security Policy/);
  await p.close();
});

test('a wrong secret is refused at sign-in with the service\'s Code, and nothing is kept', async () => {
  const p = await page();
  await p.goto(`http://${endpoint}/console/`);
  await p.locator('::-p-aria(AccessKey ID)').fill(H.keyId);
  await p.locator('::-p-aria(AccessKey Secret)').fill('not-the-secret');
  await p.locator('::-p-aria([name="Sign in"][role="button"])').click();
  await p.waitForSelector('.form-message .error');
  assert.equal(await text(p, '.form-message .error .code'), 'SignatureDoesNotMatch');
  assert.equal(await p.$eval('nav', (n) => n.hidden), true);
  assert.equal(await p.evaluate(() => sessionStorage.length), 0);
  await done(p);
});

test('signed in with the root key: a server made through the SDK appears; Stop, confirmed, stops it', async () => {
  const id = await H.newServer(client);
  const p = await page();
  await H.signIn(p, endpoint);
  // the secret is kept in the tab's session storage, nowhere else (no cookie, no local storage)
  assert.equal(await p.evaluate(() => localStorage.length + document.cookie.length), 0);
  assert.match(await p.evaluate(() => Object.values(sessionStorage).join()), new RegExp(H.secret));
  await p.waitForSelector(row(id));
  // Stop is offered once the server is Running: the view looks again while it is Pending
  const stop = await p.waitForSelector(`${row(id)} ::-p-aria([name="Stop"][role="button"]):not([disabled])`, { timeout: 15000 });
  await stop.click();
  await p.waitForSelector('dialog#confirm[open]');
  assert.match(await text(p, '#confirm-text'), new RegExp(id));
  await p.click('#confirm-ok');
  await p.waitForFunction((sel) => document.querySelector(sel)?.querySelector('.status')?.textContent === 'Stopped',
    { timeout: 15000 }, row(id));
  assert.equal((await H.instance(client, id)).status, 'Stopped');
  assert.match(await text(p, '.notice'), /StopInstance accepted/);
  // Sign out forgets the key
  await p.locator('::-p-aria([name="Sign out"][role="button"])').click();
  await p.waitForSelector('#access-key-id');
  assert.equal(await p.evaluate(() => sessionStorage.length), 0);
  await done(p);
});

test('a call the SDK made and failed shows in the request log with its Code, and its Java and Node code repeat it', async () => {
  const missing = 'm-doesnotexist00001';
  await assert.rejects(client.deleteCustomImages(new swas.DeleteCustomImagesRequest({ regionId, imageIds: JSON.stringify([missing]) })),
    (e) => e.code === 'InvalidImageId.NotFound');
  const p = await page();
  await H.signIn(p, endpoint);
  await p.locator('::-p-aria([name="Request log"][role="link"])').click();
  await p.waitForSelector('#log-code');
  await p.locator('#log-code').fill('InvalidImageId.NotFound');
  await p.locator('::-p-aria([name="Filter"][role="button"])').click();
  await logRows(p, () => [...document.querySelectorAll('table.log tbody tr:not(.detail-row)')].length === 1
    && document.querySelector('table.log td[data-label="Code"]')?.textContent === 'InvalidImageId.NotFound');
  const cells = await p.$$eval('table.log tbody tr:not(.detail-row) td', (tds) => Object.fromEntries(tds.map((td) => [td.dataset.label, td.textContent.trim()])));
  assert.match(cells.Action, /^DeleteCustomImages/);
  assert.equal(cells.Status, '404');
  assert.equal(cells.Principal, '1000000000000001');
  assert.match(cells.Latency, /^\d+\.\d ms$/);
  // a time range before the call finds nothing; one from before it finds it again (UTC, as shown)
  await p.$eval('#log-until', (el) => { el.value = '2000-01-01T00:00:00'; });
  await p.locator('::-p-aria([name="Filter"][role="button"])').click();
  await p.waitForFunction(() => document.querySelector('main p.empty')?.textContent === 'No calls match.');
  await p.$eval('#log-until', (el) => { el.value = ''; });
  await p.$eval('#log-from', (el) => { el.value = '2000-01-01T00:00:00'; });
  await p.locator('::-p-aria([name="Filter"][role="button"])').click();
  await p.waitForFunction(() => document.querySelectorAll('table.log tbody tr:not(.detail-row)').length === 1);
  await p.locator('::-p-aria([name="Details"][role="button"])').click();
  await p.waitForSelector('pre.code.node');
  assert.match(await text(p, '.log-detail pre.code:not(.java):not(.node)'), new RegExp(missing));
  const java = await text(p, 'pre.code.java');
  assert.match(java, /setAction\("DeleteCustomImages"\)\.setVersion\("2020-06-01"\)/);
  assert.match(java, /client\.callApi\(params/);
  // the Node code, run as it is shown, makes the same call and gets the same answer
  const node = await text(p, 'pre.code.node');
  // Copy puts exactly that code on the clipboard
  await browser.defaultBrowserContext().overridePermissions(`http://${endpoint}`, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
  await p.locator('::-p-aria([name="Copy Node"][role="button"])').click();
  await p.waitForFunction(() => [...document.querySelectorAll('.copied')].some((el) => el.textContent === 'Copied.'));
  assert.equal(await p.evaluate(() => navigator.clipboard.readText()), await p.$eval('pre.code.node', (el) => el.textContent));
  const dir = mkdtempSync(join(H.npmDir, '.console-snippet-'));
  try {
    writeFileSync(join(dir, 'repeat.mjs'), node);
    const out = execFileSync(process.execPath, [join(dir, 'repeat.mjs')], {
      env: { ...process.env, SWASD_ACCESS_KEY_ID: H.keyId, SWASD_ACCESS_KEY_SECRET: H.secret }, encoding: 'utf8' });
    assert.match(out, /HTTP 404 InvalidImageId\.NotFound/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // and so does the Java code, compiled and run as shown (the single-file source launcher, with
  // com.aliyun:tea-openapi from this project's test class path)
  const out = runJava(java);
  assert.match(out, /^HTTP 404 InvalidImageId\.NotFound: /m);
  await done(p);
});

/** Runs Java statements (the console's snippet: imports, then statements) in a main method. */
function runJava(snippet) {
  const root = new URL('../../', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'console-java-'));
  try {
    const cp = join(dir, 'cp.txt');
    execFileSync('mvn', ['-B', '-q', '-o', 'dependency:build-classpath', `-Dmdep.outputFile=${cp}`, '-Dmdep.includeScope=test'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const lines = snippet.split('\n');
    const source = [...lines.filter((l) => l.startsWith('import ')),
      'public class Repeat { public static void main(String[] args) throws Exception {',
      ...lines.filter((l) => !l.startsWith('import ')), '} }'].join('\n');
    writeFileSync(join(dir, 'Repeat.java'), source);
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    return execFileSync(java, ['-cp', readFileSync(cp, 'utf8').trim(), join(dir, 'Repeat.java')], {
      env: { ...process.env, SWASD_ACCESS_KEY_ID: H.keyId, SWASD_ACCESS_KEY_SECRET: H.secret },
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a custom image shared to ECS: Delete shows CustomImageInShare as the service words it', async () => {
  const id = await H.newServer(client);
  await H.waitFor(async () => (await H.instance(client, id)).status === 'Running', 'Running');
  const disk = (await client.listDisks(new swas.ListDisksRequest({ regionId, instanceId: id }))).body.disks
    .find((d) => d.diskType === 'System').diskId;
  const snap = (await client.createSnapshot(new swas.CreateSnapshotRequest({ regionId, diskId: disk, snapshotName: 'sys' }))).body.snapshotId;
  await H.waitFor(async () => (await client.listSnapshots(new swas.ListSnapshotsRequest({ regionId, snapshotIds: JSON.stringify([snap]) })))
    .body.snapshots[0].status.toLowerCase() === 'accomplished', 'snapshot accomplished');
  const image = (await client.createCustomImage(new swas.CreateCustomImageRequest({ regionId, instanceId: id, systemSnapshotId: snap,
    imageName: 'shared-image' }))).body.imageId;
  await H.waitFor(async () => (await client.listCustomImages(new swas.ListCustomImagesRequest({ regionId, imageIds: JSON.stringify([image]) })))
    .body.customImages[0].status === '1', 'image Available (status 1)');
  await client.modifyImageShareStatus(new swas.ModifyImageShareStatusRequest({ regionId, imageId: image, operation: 'Share' }));
  const p = await page();
  await H.signIn(p, endpoint);
  await p.locator('::-p-aria([name="Custom images"][role="link"])').click();
  await p.waitForSelector('td[data-label="Shared to ECS"]');
  assert.equal(await text(p, 'td[data-label="Shared to ECS"]'), 'Yes');
  await p.locator('::-p-aria([name="Delete"][role="button"])').click();
  await p.waitForSelector('dialog#confirm[open]');
  await p.click('#confirm-ok');
  await p.waitForSelector('.message .error');
  assert.equal(await text(p, '.message .error .code'), 'CustomImageInShare');
  assert.equal(await text(p, '.message .error .message'), 'The custom image is in sharing,please unshare first then to retry.');
  await done(p);
});

test('a RAM user without permission is refused with Forbidden.RAM as the service words it', async () => {
  await ramc.createUser(new ram.CreateUserRequest({ userName: 'viewer' }));
  const key = (await ramc.createAccessKey(new ram.CreateAccessKeyRequest({ userName: 'viewer' }))).body.accessKey;
  const p = await page();
  await H.signIn(p, endpoint, key.accessKeyId, key.accessKeySecret);
  await p.waitForSelector('main .error');
  assert.equal(await text(p, 'main .error .code'), 'Forbidden.RAM');
  assert.match(await text(p, 'main .error .message'), /User not authorized to operate on the specified resource/);
  // reading the request log is RAM-checked too
  await p.locator('::-p-aria([name="Request log"][role="link"])').click();
  await p.waitForFunction(() => document.querySelector('main .error .code')?.textContent === 'Forbidden.RAM'
    && /ListRequestLogs/.test(document.querySelector('main .error .message')?.textContent ?? ''));
  await done(p);

  // the root sees the user's refused calls in the log, found by principal
  const root = await page();
  await H.signIn(root, endpoint);
  await root.locator('::-p-aria([name="Request log"][role="link"])').click();
  await root.locator('#log-principal').fill('1000000000000001/viewer');
  await root.locator('::-p-aria([name="Filter"][role="button"])').click();
  await logRows(root, () => {
    const rows = [...document.querySelectorAll('table.log tbody tr:not(.detail-row)')];
    return rows.some((r) => r.querySelector('td[data-label="Code"]').textContent === 'Forbidden.RAM')
      && rows.every((r) => r.querySelector('td[data-label="Principal"]').textContent === '1000000000000001/viewer');
  });
  const codes = await root.$$eval('table.log td[data-label="Code"]', (tds) => tds.map((td) => td.textContent));
  assert.ok(codes.includes('Forbidden.RAM'), codes.join());
  await done(root);
});

test('the policy simulator answers ImplicitDeny for that user, then Allow with the statement once a policy is attached', async () => {
  const root = await page();
  await H.signIn(root, endpoint);
  await root.locator('::-p-aria([name="RAM"][role="link"])').click();
  await root.waitForSelector('#sim-principal');
  await root.waitForFunction(() => [...document.querySelectorAll('td[data-label="User"]')].some((td) => td.textContent === 'viewer'));
  const simulate = async () => {
    await root.$eval('.sim-result', (el) => el.replaceChildren());
    await root.locator('#sim-principal').fill('viewer');
    await root.locator('#sim-action').fill('swas-open:StopInstance');
    await root.locator('::-p-aria([name="Simulate"][role="button"])').click();
    await root.waitForSelector('.sim-result #sim-decision, .sim-result .error');
    return text(root, '.sim-result');
  };
  assert.match(await simulate(), /DecisionImplicitDeny/);
  await ramc.createPolicy(new ram.CreatePolicyRequest({ policyName: 'stop-servers', policyDocument: JSON.stringify({
    Version: '1', Statement: [{ Effect: 'Allow', Action: 'swas-open:StopInstance', Resource: '*' }] }) }));
  await ramc.attachPolicyToUser(new ram.AttachPolicyToUserRequest({ policyName: 'stop-servers', policyType: 'Custom', userName: 'viewer' }));
  const allowed = await simulate();
  assert.match(allowed, /DecisionAllow/);
  assert.match(allowed, /stop-servers \(Custom\), Statement\[\d\]/);
  await done(root);
});

test('with the keyboard alone: sign in, reach the navigation, and a dialog that keeps focus and closes on Escape', async () => {
  const id = await H.newServer(client);
  await H.waitFor(async () => (await H.instance(client, id)).status === 'Running', 'Running');
  const p = await page();
  await p.goto(`http://${endpoint}/console/`);
  await p.waitForSelector('#access-key-id');
  const focused = () => p.evaluate(() => {
    const el = document.activeElement;
    return el?.labels?.[0]?.textContent ?? el?.textContent?.trim() ?? '';
  });
  assert.equal(await focused(), 'AccessKey ID');
  await p.keyboard.type(H.keyId);
  await p.keyboard.press('Tab');
  assert.equal(await focused(), 'AccessKey Secret');
  await p.keyboard.type(H.secret);
  await p.keyboard.press('Tab');
  assert.equal(await focused(), 'Sign in');
  await p.keyboard.press('Enter');
  await p.waitForSelector(row(id));
  assert.equal(await p.evaluate(() => document.activeElement.tagName + ' ' + document.activeElement.textContent), 'H1 Servers');
  // the skip link moves focus to the view and leaves the route alone
  await p.focus('.skip');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => `${location.hash} ${document.activeElement.tagName} ${document.activeElement.textContent}`), '#/servers H1 Servers');
  // Tab moves on from the heading to the view's controls, and the focus is visible
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement.matches(':focus-visible')), true);
  // to the row's Reboot button by Tab alone, then Enter opens the confirmation
  await p.waitForSelector(`${row(id)} ::-p-aria([name="Reboot"][role="button"]):not([disabled])`);
  for (let i = 0; i < 40; i++) {
    if (await p.evaluate(() => document.activeElement.textContent === 'Reboot')) break;
    await p.keyboard.press('Tab');
  }
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Reboot');
  await p.keyboard.press('Enter');
  await p.waitForSelector('dialog#confirm[open]');
  for (let i = 0; i < 5; i++) {
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.querySelector('dialog').contains(document.activeElement)), true, 'focus stays in the dialog');
  }
  await p.keyboard.press('Escape');
  await p.waitForSelector('dialog#confirm:not([open])');
  assert.equal(await p.evaluate(() => document.activeElement.textContent), 'Reboot', 'focus goes back to what opened the dialog');
  assert.equal((await H.instance(client, id)).status, 'Running', 'nothing done');
  await done(p);
});

test('on a narrow screen (390 px) the views fit: navigation on top, servers as cards', async () => {
  const id = await H.newServer(client);
  const p = await page({ width: 390, height: 844 });
  await H.signIn(p, endpoint);
  await p.waitForSelector(row(id));
  for (const view of ['servers', 'logs', 'ram']) {
    await p.goto(`http://${endpoint}/console/#/${view}`);
    await p.waitForSelector('main h1');
    await p.waitForFunction(() => !document.querySelector('main .loading'), { timeout: 10000 });
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `${view}: the page is ${width} px wide`);
  }
  await p.goto(`http://${endpoint}/console/#/servers`);
  const stop = await p.waitForSelector(`${row(id)} ::-p-aria([name="Stop"][role="button"])`);
  const box = await stop.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the Stop button is on screen');
  const nav = await (await p.$('nav')).boundingBox();
  assert.ok(nav.y < 200 && nav.width >= 350, 'the navigation runs across the top');
  await done(p);
});
