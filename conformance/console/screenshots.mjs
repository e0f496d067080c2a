// Screenshots of each console view (docs/console.md), at 1280x800 and one at 390 px wide, into
// docs/console/*.png: a real swasd with a state made through the official SDKs, as automation
// would leave it. Run: scripts/console-screenshots (or node screenshots.mjs [OUTPUT_DIR]).
import { mkdirSync } from 'node:fs';
import * as H from './harness.mjs';

const { swas, ram, regionId } = H;
const out = process.argv[2] ?? new URL('../../docs/console/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = await H.startSwasd({ stateDelay: '1s' });
const { endpoint } = server;
const client = H.swasClient(endpoint);
const ramc = H.ramClient(endpoint);
let browser;
try {
  // what a Terraform run and a CI pipeline might have left behind
  const web = await H.newServer(client, 'web-1');
  const api = await H.newServer(client, 'api-1');
  const ci = await H.newServer(client, 'ci-runner');
  await client.tagResources(new swas.TagResourcesRequest({ regionId, resourceType: 'instance', resourceId: [web, api],
    tag: [new swas.TagResourcesRequestTag({ key: 'env', value: 'prod' }), new swas.TagResourcesRequestTag({ key: 'team', value: 'web' })] }));
  await client.stopInstance(new swas.StopInstanceRequest({ regionId, instanceId: ci }));
  const disk = (await client.listDisks(new swas.ListDisksRequest({ regionId, instanceId: web }))).body.disks
    .find((d) => d.diskType === 'System').diskId;
  const snap = (await client.createSnapshot(new swas.CreateSnapshotRequest({ regionId, diskId: disk, snapshotName: 'web-1-before-upgrade' }))).body.snapshotId;
  await H.waitFor(async () => (await client.listSnapshots(new swas.ListSnapshotsRequest({ regionId, snapshotIds: JSON.stringify([snap]) })))
    .body.snapshots[0].status.toLowerCase() === 'accomplished', 'snapshot');
  const golden = (await client.createCustomImage(new swas.CreateCustomImageRequest({ regionId, instanceId: web, systemSnapshotId: snap,
    imageName: 'web-golden-2026-12', description: 'nightly golden image' }))).body.imageId;
  const staging = (await client.createCustomImage(new swas.CreateCustomImageRequest({ regionId, instanceId: web, systemSnapshotId: snap,
    imageName: 'web-staging' }))).body.imageId;
  await H.waitFor(async () => (await client.listCustomImages(new swas.ListCustomImagesRequest({ regionId })))
    .body.customImages.every((i) => i.status === '1'), 'images Available (status 1)');
  await client.modifyImageShareStatus(new swas.ModifyImageShareStatusRequest({ regionId, imageId: golden, operation: 'Share' }));
  const other = await H.control(endpoint, 'POST', 'seed/account', {});
  await client.addCustomImageShareAccount(new swas.AddCustomImageShareAccountRequest({ regionId, imageId: staging, account: [Number(other.accountId)] }));
  await client.createFirewallTemplate(new swas.CreateFirewallTemplateRequest({ regionId, name: 'web-default',
    description: 'HTTP, HTTPS and SSH from the office', firewallRule: [
      new swas.CreateFirewallTemplateRequestFirewallRule({ ruleProtocol: 'TCP', port: '443', sourceCidrIp: '0.0.0.0/0', remark: 'HTTPS' }),
      new swas.CreateFirewallTemplateRequestFirewallRule({ ruleProtocol: 'TCP', port: '80', sourceCidrIp: '0.0.0.0/0', remark: 'HTTP' }),
      new swas.CreateFirewallTemplateRequestFirewallRule({ ruleProtocol: 'TCP', port: '22', sourceCidrIp: '203.0.113.0/24', remark: 'office SSH' })] }));
  await client.createKeyPair(new swas.CreateKeyPairRequest({ regionId, keyPairName: 'deploy-2026' }));
  await client.createKeyPair(new swas.CreateKeyPairRequest({ regionId, keyPairName: 'ops-laptop' }));
  await ramc.createUser(new ram.CreateUserRequest({ userName: 'ci-deployer', displayName: 'CI deployer' }));
  await ramc.createUser(new ram.CreateUserRequest({ userName: 'auditor', displayName: 'Read-only auditor' }));
  await ramc.createGroup(new ram.CreateGroupRequest({ groupName: 'operators', comments: 'may stop and start servers' }));
  await ramc.addUserToGroup(new ram.AddUserToGroupRequest({ groupName: 'operators', userName: 'ci-deployer' }));
  await ramc.createPolicy(new ram.CreatePolicyRequest({ policyName: 'stop-start-servers', description: 'Stop and start any server',
    policyDocument: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow',
      Action: ['swas-open:StopInstance', 'swas-open:StartInstance', 'swas-open:ListInstances'], Resource: '*' }] }) }));
  await ramc.attachPolicyToGroup(new ram.AttachPolicyToGroupRequest({ policyName: 'stop-start-servers', policyType: 'Custom', groupName: 'operators' }));
  await ramc.attachPolicyToUser(new ram.AttachPolicyToUserRequest({ policyName: 'AliyunSWASReadOnlyAccess', policyType: 'System', userName: 'auditor' }));
  // calls that failed, as a clean-up job might have made them
  await client.deleteCustomImages(new swas.DeleteCustomImagesRequest({ regionId, imageIds: JSON.stringify([golden]) })).catch(() => {});
  await client.deleteCustomImages(new swas.DeleteCustomImagesRequest({ regionId, imageIds: JSON.stringify(['m-0000notthere']) })).catch(() => {});
  const key = (await ramc.createAccessKey(new ram.CreateAccessKeyRequest({ userName: 'auditor' }))).body.accessKey;
  await H.swasClient(endpoint, key.accessKeyId, key.accessKeySecret)
    .stopInstance(new swas.StopInstanceRequest({ regionId, instanceId: api })).catch(() => {});

  browser = await H.launchBrowser();
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const shot = async (name) => {
    await page.waitForFunction(() => !document.querySelector('main .loading'), { timeout: 10000 }).catch(() => {});
    await sleep(200);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`screenshots: ${out}/${name}.png`);
  };
  const view = async (route) => {
    await page.goto(`http://${endpoint}/console/#/${route}`);
    await page.waitForSelector('main h1');
  };
  await page.goto(`http://${endpoint}/console/`);
  await page.waitForSelector('#access-key-id');
  await page.type('#access-key-id', H.keyId);
  await shot('sign-in');
  await page.type('#access-key-secret', H.secret);
  await page.click('form.sign-in button[type=submit]');
  await page.waitForSelector(`tr[data-instance-id="${web}"]`);
  await shot('servers');
  await page.click(`tr[data-instance-id="${api}"] td[data-label="Actions"] button.danger`);
  await page.waitForSelector('dialog[open]');
  await shot('servers-stop');
  await page.keyboard.press('Escape');
  await view('disks');
  await shot('disks-and-snapshots');
  await view('images');
  await page.waitForSelector('td[data-label="Actions"]');
  const rows = await page.$$('tbody tr');
  for (const row of rows) {
    if ((await row.evaluate((r) => r.textContent)).includes(golden)) {
      await (await row.$('button.danger')).click();
    }
  }
  await page.waitForSelector('dialog[open]');
  await page.click('#confirm-ok');
  await page.waitForSelector('.message .error');
  await shot('custom-images');
  await view('firewall');
  await shot('firewall');
  await view('keypairs');
  await shot('key-pairs');
  await view('ram');
  await page.waitForSelector('#sim-principal');
  await page.type('#sim-principal', 'ci-deployer');
  await page.type('#sim-action', 'swas-open:StopInstance');
  await page.click('.simulator button[type=submit]');
  await page.waitForSelector('.sim-result dl, .sim-result .error');
  await page.evaluate(() => document.querySelector('.simulator').scrollIntoView());
  await shot('ram');
  await sleep(1500); // the request log is written in batches, once a second
  await view('logs');
  await page.waitForSelector('table.log');
  await page.type('#log-code', 'CustomImageInShare');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => {
    const codes = [...document.querySelectorAll('table.log td[data-label="Code"]')].map((td) => td.textContent);
    return codes.length > 0 && codes.every((c) => c === 'CustomImageInShare');
  });
  await page.click('table.log tr.failed button');
  await sleep(300);
  await shot('request-log');
  await page.setViewport({ width: 390, height: 844 });
  await view('servers');
  await page.waitForSelector(`tr[data-instance-id="${web}"]`);
  await shot('servers-narrow');
} finally {
  await browser?.close();
  await server.stop();
}
