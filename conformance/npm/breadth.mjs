// The swas-open actions beyond the custom-image story, through the official npm
// client @alicloud/swas-open20200601@4.0.0 and its typed request methods, in both
// signing modes (v3 = ACS3-HMAC-SHA256, v1 = signatureAlgorithm 'v2'): every action
// once as a user calls it, and every documented error code that can arise.
//
// Env: SWASD_ENDPOINT (host:port), SWASD_ACCESS_KEY_ID, SWASD_ACCESS_KEY_SECRET,
//      SWASD_REGION (default cn-hangzhou).
// Output: one JSON document {"results":[{"mode","case","ok","detail"}]}.
// Exit: 0 only when every case is ok, 1 otherwise.

import * as swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const Client = typeof swas.default === 'function' ? swas.default : swas.default.default;
const ENDPOINT = process.env.SWASD_ENDPOINT;
const AK_ID = process.env.SWASD_ACCESS_KEY_ID;
const AK_SECRET = process.env.SWASD_ACCESS_KEY_SECRET;
const REGION = process.env.SWASD_REGION || 'cn-hangzhou';
const PLAN_ID = 'swas.s2.c2m2s40b3t08';

const results = [];

function emit(code) {
  let out = JSON.stringify({ results }, null, 2);
  if (AK_SECRET) out = out.split(AK_SECRET).join('***');
  process.stdout.write(out + '\n', () => process.exit(code));
}

function client(mode) {
  const cfg = { accessKeyId: AK_ID, accessKeySecret: AK_SECRET, endpoint: ENDPOINT, protocol: 'http', regionId: REGION };
  if (mode === 'v1') cfg.signatureAlgorithm = 'v2';
  return new Client(new $OpenApiUtil.Config(cfg));
}

// One case: `fn` gets the client and returns a detail text; a thrown error fails the case.
async function step(mode, name, fn) {
  try {
    const detail = await fn();
    results.push({ mode, case: name, ok: true, detail: detail || '' });
  } catch (e) {
    results.push({ mode, case: name, ok: false, detail: e && e.stack ? e.stack : String(e) });
  }
}

function expect(cond, what) {
  if (!cond) throw new Error(`expected ${what}`);
}

// The call must fail with this HTTP status and Code.
async function fails(promise, status, code) {
  try {
    await promise;
  } catch (e) {
    expect(e.statusCode === status && e.code === code, `${status} ${code}, got ${e.statusCode} ${e.code}: ${e.message}`);
    return `${status} ${code}`;
  }
  throw new Error(`expected ${status} ${code}, but the call succeeded`);
}

async function newServer(c) {
  const images = (await c.listImages(new swas.ListImagesRequest({ regionId: REGION, imageType: 'system' }))).body.images;
  const linux = images.find((i) => i.platform === 'Linux').imageId;
  const created = await c.createInstances(new swas.CreateInstancesRequest({
    regionId: REGION, imageId: linux, planId: PLAN_ID, period: 1, amount: 1,
  }));
  return created.body.instanceIds[0];
}

async function firewall(mode, c) {
  let server;
  let ruleId;
  let more;
  const rules = async () => (await c.listFirewallRules(new swas.ListFirewallRulesRequest({
    regionId: REGION, instanceId: server, pageSize: 50,
  }))).body.firewallRules;
  await step(mode, 'ListFirewallRulesDefaults', async () => {
    server = await newServer(c);
    const ports = (await rules()).map((r) => r.port).sort();
    expect(JSON.stringify(ports) === JSON.stringify(['22', '443', '80']), `default rules 22, 80, 443, got ${ports}`);
    return `defaults ${ports}`;
  });
  await step(mode, 'CreateFirewallRule', async () => {
    const r = await c.createFirewallRule(new swas.CreateFirewallRuleRequest({
      regionId: REGION, instanceId: server, ruleProtocol: 'Tcp', port: '3306', remark: 'mysql',
    }));
    ruleId = r.body.firewallId;
    const rule = (await rules()).find((x) => x.ruleId === ruleId);
    expect(rule && rule.ruleProtocol === 'TCP' && rule.port === '3306' && rule.remark === 'mysql', `the new rule listed, got ${JSON.stringify(rule)}`);
    return ruleId;
  });
  await step(mode, 'CreateFirewallRules', async () => {
    const r = await c.createFirewallRules(new swas.CreateFirewallRulesRequest({
      regionId: REGION, instanceId: server,
      firewallRules: [new swas.CreateFirewallRulesRequestFirewallRules({ ruleProtocol: 'UDP', port: '53', sourceCidrIp: '10.0.0.0/8' })],
    }));
    more = r.body.firewallRuleIds;
    expect(more.length === 1, `one id, got ${more}`);
    return more.join(',');
  });
  await step(mode, 'ModifyFirewallRule', async () => {
    await c.modifyFirewallRule(new swas.ModifyFirewallRuleRequest({
      regionId: REGION, instanceId: server, ruleId, ruleProtocol: 'TCP', port: '3307', sourceCidrIp: '192.168.0.0/16',
    }));
    const rule = (await rules()).find((x) => x.ruleId === ruleId);
    expect(rule.port === '3307' && rule.sourceCidrIp === '192.168.0.0/16', `modified, got ${JSON.stringify(rule)}`);
  });
  await step(mode, 'DisableAndEnableFirewallRule', async () => {
    await c.disableFirewallRule(new swas.DisableFirewallRuleRequest({ regionId: REGION, instanceId: server, ruleId }));
    expect((await rules()).find((x) => x.ruleId === ruleId).policy === 'drop', 'policy drop when disabled');
    await c.enableFirewallRule(new swas.EnableFirewallRuleRequest({ regionId: REGION, instanceId: server, ruleId }));
    expect((await rules()).find((x) => x.ruleId === ruleId).policy === 'accept', 'policy accept when enabled');
  });
  await step(mode, 'FirewallRuleAlreadyExist', () => fails(c.createFirewallRule(new swas.CreateFirewallRuleRequest({
    regionId: REGION, instanceId: server, ruleProtocol: 'TCP', port: '22',
  })), 403, 'FirewallRuleAlreadyExist'));
  await step(mode, 'InvalidPort', () => fails(c.createFirewallRule(new swas.CreateFirewallRuleRequest({
    regionId: REGION, instanceId: server, ruleProtocol: 'TCP', port: '70000',
  })), 400, 'InvalidPort.ValueNotSupported'));
  await step(mode, 'InvalidProtocol', () => fails(c.createFirewallRule(new swas.CreateFirewallRuleRequest({
    regionId: REGION, instanceId: server, ruleProtocol: 'SCTP', port: '22',
  })), 400, 'InvalidProtocol.ValueNotSupported'));
  await step(mode, 'FirewallUnknownInstance', () => fails(c.listFirewallRules(new swas.ListFirewallRulesRequest({
    regionId: REGION, instanceId: 'ffffffffffffffffffffffffffffffff',
  })), 404, 'InvalidInstanceId.NotFound'));
  await step(mode, 'DeleteFirewallRuleAndRules', async () => {
    await c.deleteFirewallRule(new swas.DeleteFirewallRuleRequest({ regionId: REGION, instanceId: server, ruleId }));
    await c.deleteFirewallRules(new swas.DeleteFirewallRulesRequest({ regionId: REGION, instanceId: server, ruleIds: more }));
    const left = (await rules()).map((r) => r.ruleId);
    expect(!left.includes(ruleId) && !left.includes(more[0]), 'both gone');
    return `${left.length} rules left`;
  });
}


async function plansAndDisks(mode, c) {
  let server;
  let disk;
  let snapshot;
  const instance = async () => (await c.listInstances(new swas.ListInstancesRequest({
    regionId: REGION, instanceIds: JSON.stringify([server]),
  }))).body.instances[0];
  await step(mode, 'UpgradeInstance', async () => {
    server = await newServer(c);
    await c.upgradeInstance(new swas.UpgradeInstanceRequest({ regionId: REGION, instanceId: server, planId: 'swas.s2.c2m4s60b5t12' }));
    const i = await instance();
    expect(i.planId === 'swas.s2.c2m4s60b5t12' && i.status === 'Running', `upgraded and Running, got ${i.planId} ${i.status}`);
    return i.planId;
  });
  await step(mode, 'InvalidPlanIdUpgrade', () => fails(c.upgradeInstance(new swas.UpgradeInstanceRequest({
    regionId: REGION, instanceId: server, planId: PLAN_ID,
  })), 400, 'InvalidPlanIdUpgrade.ValueNotSupported'));
  await step(mode, 'InvalidPlanIdNotFound', () => fails(c.upgradeInstance(new swas.UpgradeInstanceRequest({
    regionId: REGION, instanceId: server, planId: 'swas.s9.nope',
  })), 404, 'InvalidPlanId.NotFound'));
  await step(mode, 'RenewInstance', async () => {
    const before = Date.parse((await instance()).expiredTime);
    await c.renewInstance(new swas.RenewInstanceRequest({ regionId: REGION, instanceId: server, period: 3 }));
    const after = Date.parse((await instance()).expiredTime);
    const days = (after - before) / 86400000;
    expect(days >= 89 && days <= 92, `ExpiredTime moved about 3 months, got ${days} days`);
    return `${days} days`;
  });
  await step(mode, 'InvalidPeriod', () => fails(c.renewInstance(new swas.RenewInstanceRequest({
    regionId: REGION, instanceId: server, period: 2,
  })), 400, 'InvalidPeriod.ValueNotSupported'));
  await step(mode, 'ListInstancePlansModification', async () => {
    const plans = (await c.listInstancePlansModification(new swas.ListInstancePlansModificationRequest({
      regionId: REGION, instanceId: server,
    }))).body.plans;
    expect(plans.length > 0 && plans.every((p) => p.core >= 2), `larger plans listed, got ${plans.map((p) => p.planId)}`);
    return `${plans.length} plans`;
  });
  await step(mode, 'ListInstancesTrafficPackages', async () => {
    const u = (await c.listInstancesTrafficPackages(new swas.ListInstancesTrafficPackagesRequest({
      regionId: REGION, instanceIds: JSON.stringify([server]),
    }))).body.instanceTrafficPackageUsages[0];
    expect(u.trafficPackageTotal === u.trafficUsed + u.trafficPackageRemaining && u.trafficPackageTotal > 0,
      `total = used + remaining, got ${JSON.stringify(u)}`);
    return `${u.trafficPackageTotal} bytes`;
  });
  await step(mode, 'UpdateDiskAndSnapshotAttribute', async () => {
    disk = (await c.listDisks(new swas.ListDisksRequest({ regionId: REGION, instanceId: server, diskType: 'system' }))).body.disks[0].diskId;
    await c.updateDiskAttribute(new swas.UpdateDiskAttributeRequest({ regionId: REGION, diskId: disk, remark: 'root disk' }));
    const d = (await c.listDisks(new swas.ListDisksRequest({ regionId: REGION, diskIds: JSON.stringify([disk]) }))).body.disks[0];
    expect(d.remark === 'root disk' && d.diskType === 'System', `remark and DiskType, got ${d.remark} ${d.diskType}`);
    snapshot = (await c.createSnapshot(new swas.CreateSnapshotRequest({ regionId: REGION, diskId: disk, snapshotName: 'breadth-snap' }))).body.snapshotId;
    await c.updateSnapshotAttribute(new swas.UpdateSnapshotAttributeRequest({ regionId: REGION, snapshotId: snapshot, remark: 'before the upgrade test' }));
    const sn = (await c.listSnapshots(new swas.ListSnapshotsRequest({ regionId: REGION, snapshotIds: JSON.stringify([snapshot]) }))).body.snapshots[0];
    expect(sn.remark === 'before the upgrade test' && sn.status === 'accomplished', `remark and status, got ${sn.remark} ${sn.status}`);
  });
  await step(mode, 'ResetDiskNeedsAStoppedServer', () => fails(c.resetDisk(new swas.ResetDiskRequest({
    regionId: REGION, diskId: disk, snapshotId: snapshot,
  })), 403, 'IncorrectInstanceStatus.ResetDisk'));
  await step(mode, 'ResetDisk', async () => {
    await c.stopInstance(new swas.StopInstanceRequest({ regionId: REGION, instanceId: server }));
    await c.resetDisk(new swas.ResetDiskRequest({ regionId: REGION, diskId: disk, snapshotId: snapshot }));
    const i = await instance();
    expect(i.status === 'Stopped', `the server stays Stopped, got ${i.status}`);
  });
  await step(mode, 'ResetDiskUnknownDisk', () => fails(c.resetDisk(new swas.ResetDiskRequest({
    regionId: REGION, diskId: 'd-doesnotexist0000000', snapshotId: snapshot,
  })), 404, 'InvalidDiskId.NotFound'));
  await step(mode, 'ResetDiskUnknownSnapshot', () => fails(c.resetDisk(new swas.ResetDiskRequest({
    regionId: REGION, diskId: disk, snapshotId: 's-doesnotexist0000000',
  })), 404, 'InvalidSnapshotId.NotFound'));
}

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIerq681E05+yvL9RoupoOlT870YQVI/ErjAuvuOZgU2 user@example';
const ED25519_MD5 = 'e9:0f:0c:ea:f8:98:b1:9a:43:68:c6:5e:51:f8:42:77';
const NO_SERVER = 'ffffffffffffffffffffffffffffffff';

// Account key pairs and the per-server actions: a user's script from create/import to clean-up.
async function keyPairs(mode, c) {
  const made = `${mode}-made`;
  const laptop = `${mode}-laptop`;
  const own = `${mode}-own`;
  let server;
  let windows;
  const pairs = async (keyPairName) => (await c.listKeyPairs(new swas.ListKeyPairsRequest({
    regionId: REGION, keyPairName, pageSize: 50,
  }))).body;
  const pair = async (name) => (await pairs(name)).keyPairs[0];
  await step(mode, 'CreateKeyPair', async () => {
    server = await newServer(c);
    const r = await c.createKeyPair(new swas.CreateKeyPairRequest({ regionId: REGION, keyPairName: made }));
    expect(r.body.keyPairName === made, `KeyPairName ${made}`);
    expect(r.body.privateKeyBody.startsWith('-----BEGIN PRIVATE KEY-----\n'), 'a PEM PKCS#8 private key');
    return r.body.privateKeyBody.split('\n')[0];
  });
  await step(mode, 'ImportKeyPair', async () => {
    const r = await c.importKeyPair(new swas.ImportKeyPairRequest({ regionId: REGION, keyPairName: laptop, publicKeyBody: ED25519 }));
    expect(r.body.keyPairName === laptop, `KeyPairName ${laptop}`);
  });
  await step(mode, 'ListKeyPairs', async () => {
    const all = await pairs();
    const names = all.keyPairs.map((p) => p.keyPairName);
    expect(names.includes(made) && names.includes(laptop) && all.totalCount === names.length, `both listed, got ${names}`);
    const p = await pair(laptop);
    expect(p.publicKey === ED25519.split(' ').slice(0, 2).join(' '), `the public key without its comment, got ${p.publicKey}`);
    expect(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/.test(p.creationTime), `CreationTime like 2024-05-06T02:28Z, got ${p.creationTime}`);
    expect(Array.isArray(p.instanceIds) && p.instanceIds.length === 0, 'no servers yet');
    return `${names.length} pairs (GET)`;
  });
  await step(mode, 'AttachKeyPair', async () => {
    const r = (await c.attachKeyPair(new swas.AttachKeyPairRequest({
      regionId: REGION, keyPairName: laptop, instanceIds: [server, NO_SERVER],
    }))).body;
    expect(r.totalCount === 2 && r.failCount === 1, `TotalCount 2, FailCount 1, got ${r.totalCount} ${r.failCount}`);
    const ok = r.results.find((x) => x.instanceId === server);
    const bad = r.results.find((x) => x.instanceId === NO_SERVER);
    expect(ok.success === 'true' && ok.code === '200', `success for the server, got ${JSON.stringify(ok)}`);
    expect(bad.success === 'false' && bad.code === 'InvalidInstanceId.NotFound', `a failed result, got ${JSON.stringify(bad)}`);
    expect(JSON.stringify((await pair(laptop)).instanceIds) === JSON.stringify([server]), 'listed on the server');
  });
  await step(mode, 'AttachKeyPairReplaces', async () => {
    await c.attachKeyPair(new swas.AttachKeyPairRequest({ regionId: REGION, keyPairName: made, instanceIds: [server] }));
    expect((await pair(laptop)).instanceIds.length === 0, 'the first pair left the server');
    expect(JSON.stringify((await pair(made)).instanceIds) === JSON.stringify([server]), 'the second pair holds it');
  });
  await step(mode, 'KeypairAlreadyAttachedInstance', () => fails(c.deleteKeyPairs(new swas.DeleteKeyPairsRequest({
    regionId: REGION, keyPairNames: [laptop, made],
  })), 400, 'InvalidParameter.KeypairAlreadyAttachedInstance'));
  await step(mode, 'DetachKeyPair', async () => {
    const r = (await c.detachKeyPair(new swas.DetachKeyPairRequest({ regionId: REGION, keyPairName: made, instanceIds: [server] }))).body;
    expect(r.totalCount === 1 && r.failCount === 0 && r.results[0].success === 'true', `detached, got ${JSON.stringify(r)}`);
  });
  await step(mode, 'KeyPairAlreadyExist', () => fails(c.importKeyPair(new swas.ImportKeyPairRequest({
    regionId: REGION, keyPairName: laptop, publicKeyBody: ED25519,
  })), 400, 'KeyPair.AlreadyExist'));
  await step(mode, 'InvalidPublicKeyBody', () => fails(c.importKeyPair(new swas.ImportKeyPairRequest({
    regionId: REGION, keyPairName: `${mode}-bad`, publicKeyBody: 'ssh-dss AAAAB3NzaC1kc3M=',
  })), 400, 'InvalidPublicKeyBody.Malformed'));
  await step(mode, 'InvalidKeyPairName', () => fails(c.createKeyPair(new swas.CreateKeyPairRequest({
    regionId: REGION, keyPairName: `1${mode}`,
  })), 400, 'InvalidKeyPairName.Malformed'));
  await step(mode, 'KeyPairNotFound', () => fails(c.attachKeyPair(new swas.AttachKeyPairRequest({
    regionId: REGION, keyPairName: `${mode}-nope`, instanceIds: [server],
  })), 404, 'InvalidKeyPairName.NotFound'));
  await step(mode, 'CreateInstanceKeyPair', async () => {
    const r = (await c.createInstanceKeyPair(new swas.CreateInstanceKeyPairRequest({
      regionId: REGION, instanceId: server, keyPairName: own,
    }))).body;
    expect(r.keyPairName === own && /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/.test(r.fingerprint), `name and MD5 fingerprint, got ${r.fingerprint}`);
    expect(r.privateKey.startsWith('-----BEGIN PRIVATE KEY-----'), 'a private key');
    expect(JSON.stringify((await pair(own)).instanceIds) === JSON.stringify([server]), 'an account pair on the server');
    return r.fingerprint;
  });
  await step(mode, 'UploadAndDescribeInstanceKeyPair', async () => {
    await c.uploadInstanceKeyPair(new swas.UploadInstanceKeyPairRequest({
      regionId: REGION, instanceId: server, keyPairName: laptop, publicKey: ED25519,
    }));
    const d = (await c.describeInstanceKeyPair(new swas.DescribeInstanceKeyPairRequest({ regionId: REGION, instanceId: server }))).body;
    expect(d.keyPairName === laptop && d.fingerprint === ED25519_MD5, `laptop ${ED25519_MD5}, got ${d.keyPairName} ${d.fingerprint}`);
    return d.fingerprint;
  });
  await step(mode, 'DeleteInstanceKeyPair', async () => {
    await c.deleteInstanceKeyPair(new swas.DeleteInstanceKeyPairRequest({ regionId: REGION, instanceId: server }));
    const d = (await c.describeInstanceKeyPair(new swas.DescribeInstanceKeyPairRequest({ regionId: REGION, instanceId: server }))).body;
    expect(d.keyPairName === undefined && d.fingerprint === undefined, `an empty slot, got ${JSON.stringify(d)}`);
    expect((await pair(laptop)) !== undefined, 'the account pair stays');
  });
  await step(mode, 'WindowsInstance', async () => {
    const images = (await c.listImages(new swas.ListImagesRequest({ regionId: REGION, imageType: 'system' }))).body.images;
    const image = images.find((i) => i.platform === 'Windows').imageId;
    windows = (await c.createInstances(new swas.CreateInstancesRequest({
      regionId: REGION, imageId: image, planId: PLAN_ID, period: 1, amount: 1,
    }))).body.instanceIds[0];
    return fails(c.describeInstanceKeyPair(new swas.DescribeInstanceKeyPairRequest({ regionId: REGION, instanceId: windows })),
      403, 'DependencyViolation.WindowsInstance');
  });
  await step(mode, 'DeleteKeyPairs', async () => {
    await c.deleteKeyPairs(new swas.DeleteKeyPairsRequest({ regionId: REGION, keyPairNames: [made, laptop, own] }));
    expect((await pairs()).totalCount === 0, 'none left');
  });
  await step(mode, 'QuotaExceedKeyPair', async () => {
    const names = [];
    for (let i = 0; i < 10; i += 1) {
      names.push(`${mode}-q${i}`);
      await c.importKeyPair(new swas.ImportKeyPairRequest({ regionId: REGION, keyPairName: names[i], publicKeyBody: ED25519 }));
    }
    const detail = await fails(c.importKeyPair(new swas.ImportKeyPairRequest({
      regionId: REGION, keyPairName: `${mode}-q10`, publicKeyBody: ED25519,
    })), 403, 'QuotaExceed.KeyPair');
    await c.deleteKeyPairs(new swas.DeleteKeyPairsRequest({ regionId: REGION, keyPairNames: names }));
    return detail;
  });
}


async function templates(mode, c) {
  let servers;
  let templateId;
  let dnsRule;
  let taskId;
  const describe = async () => (await c.describeFirewallTemplates(new swas.DescribeFirewallTemplatesRequest({
    regionId: REGION, firewallTemplateId: [templateId],
  }))).body.firewallTemplates[0];
  await step(mode, 'CreateFirewallTemplate', async () => {
    servers = [await newServer(c), await newServer(c)];
    const r = await c.createFirewallTemplate(new swas.CreateFirewallTemplateRequest({
      regionId: REGION, name: `web-${mode}`, description: 'web servers',
      firewallRule: [new swas.CreateFirewallTemplateRequestFirewallRule({ ruleProtocol: 'TCP', port: '8080', sourceCidrIp: '10.0.0.0/8', remark: 'app' })],
    }));
    templateId = r.body.firewallTemplateId;
    expect(/^ft-[a-z0-9]{17}$/.test(templateId), `an ft- id, got ${templateId}`);
    return templateId;
  });
  await step(mode, 'CreateFirewallTemplateRules', async () => {
    const r = await c.createFirewallTemplateRules(new swas.CreateFirewallTemplateRulesRequest({
      regionId: REGION, firewallTemplateId: templateId,
      firewallRule: [new swas.CreateFirewallTemplateRulesRequestFirewallRule({ ruleProtocol: 'UDP', port: '53', remark: 'dns' })],
    }));
    dnsRule = r.body.firewallTemplateRules[0].firewallTemplateRuleId;
    expect(r.body.firewallTemplateRules[0].sourceCidrIp === '0.0.0.0/0', 'the source defaults to anywhere');
    return dnsRule;
  });
  await step(mode, 'ModifyFirewallTemplate', async () => {
    await c.modifyFirewallTemplate(new swas.ModifyFirewallTemplateRequest({
      regionId: REGION, firewallTemplateId: templateId, name: `fleet-${mode}`,
      firewallTemplateRule: [new swas.ModifyFirewallTemplateRequestFirewallTemplateRule({ firewallTemplateRuleId: dnsRule, port: '5353' })],
    }));
    const t = await describe();
    expect(t.name === `fleet-${mode}` && t.firewallTemplateRules.some((x) => x.port === '5353'), `modified, got ${JSON.stringify(t)}`);
  });
  await step(mode, 'DescribeFirewallTemplates', async () => {
    const t = await describe();
    expect(t.firewallTemplateRules.length === 2 && t.description === 'web servers', `two rules, got ${JSON.stringify(t)}`);
    return t.firewallTemplateRules.map((x) => `${x.ruleProtocol} ${x.port}`).join(', ');
  });
  await step(mode, 'ApplyFirewallTemplate', async () => {
    const r = await c.applyFirewallTemplate(new swas.ApplyFirewallTemplateRequest({
      regionId: REGION, firewallTemplateId: templateId, instanceIds: [...servers, 'ffffffffffffffffffffffffffffffff'],
    }));
    taskId = r.body.taskId;
    expect(/^aft-[a-z0-9]{17}$/.test(taskId), `an aft- id, got ${taskId}`);
    const rules = (await c.listFirewallRules(new swas.ListFirewallRulesRequest({
      regionId: REGION, instanceId: servers[0], pageSize: 50,
    }))).body.firewallRules;
    expect(rules.some((x) => x.port === '8080' && x.sourceCidrIp === '10.0.0.0/8'), 'the template rule on the server');
    return taskId;
  });
  await step(mode, 'DescribeFirewallTemplateApplyResults', async () => {
    const r = await c.describeFirewallTemplateApplyResults(new swas.DescribeFirewallTemplateApplyResultsRequest({
      regionId: REGION, taskId: [taskId],
    }));
    const d = r.body.data[0];
    expect(r.body.totalCount === '1' && d.status === 'PartFailed' && d.totalCount === '3' && d.failedCount === '1',
      `PartFailed 1 of 3 (string counters), got ${JSON.stringify(r.body)}`);
    expect(d.instanceApplyResults.map((x) => x.status).join() === 'Success,Success,Failed', 'per-server outcomes');
    return `${d.status} ${d.createTime}`;
  });
  await step(mode, 'DescribeFirewallTemplateRulesApplyResult', async () => {
    const ok = (await c.describeFirewallTemplateRulesApplyResult(new swas.DescribeFirewallTemplateRulesApplyResultRequest({
      regionId: REGION, firewallTemplateId: templateId, taskId, instanceId: servers[0],
    }))).body.data;
    expect(ok.length === 2 && ok.every((x) => x.success === true), `two rules applied, got ${JSON.stringify(ok)}`);
    const bad = (await c.describeFirewallTemplateRulesApplyResult(new swas.DescribeFirewallTemplateRulesApplyResultRequest({
      regionId: REGION, firewallTemplateId: templateId, taskId, instanceId: 'ffffffffffffffffffffffffffffffff',
    }))).body.data;
    expect(bad.every((x) => x.success === false && x.errorCode === 'InvalidInstanceId.NotFound'), `failed rules, got ${JSON.stringify(bad)}`);
  });
  await step(mode, 'TemplateRuleAlreadyExist', () => fails(c.createFirewallTemplateRules(new swas.CreateFirewallTemplateRulesRequest({
    regionId: REGION, firewallTemplateId: templateId,
    firewallRule: [new swas.CreateFirewallTemplateRulesRequestFirewallRule({ ruleProtocol: 'TCP', port: '8080', sourceCidrIp: '10.0.0.0/8' })],
  })), 403, 'FirewallRuleAlreadyExist'));
  await step(mode, 'TemplateInvalidPort', () => fails(c.createFirewallTemplate(new swas.CreateFirewallTemplateRequest({
    regionId: REGION, name: 'bad',
    firewallRule: [new swas.CreateFirewallTemplateRequestFirewallRule({ ruleProtocol: 'TCP', port: '0' })],
  })), 400, 'InvalidPort.ValueNotSupported'));
  await step(mode, 'ApplyTooManyServers', () => fails(c.applyFirewallTemplate(new swas.ApplyFirewallTemplateRequest({
    regionId: REGION, firewallTemplateId: templateId, instanceIds: Array.from({ length: 11 }, (_, i) => `${i}`.padStart(32, '0')),
  })), 400, 'InvalidParameter'));
  await step(mode, 'UnknownFirewallTemplate', () => fails(c.applyFirewallTemplate(new swas.ApplyFirewallTemplateRequest({
    regionId: REGION, firewallTemplateId: 'ft-nosuchtemplate0000', instanceIds: servers,
  })), 404, 'InvalidFirewallTemplateId.NotFound'));
  await step(mode, 'UnknownFirewallTemplateRule', () => fails(c.deleteFirewallTemplateRules(new swas.DeleteFirewallTemplateRulesRequest({
    regionId: REGION, firewallTemplateId: templateId, firewallTemplateRuleId: ['00000000000000000000000000000000'],
  })), 404, 'InvalidFirewallTemplateRuleId.NotFound'));
  await step(mode, 'UnknownApplyTask', () => fails(c.describeFirewallTemplateRulesApplyResult(new swas.DescribeFirewallTemplateRulesApplyResultRequest({
    regionId: REGION, firewallTemplateId: templateId, taskId: 'aft-nosuchtask0000000', instanceId: servers[0],
  })), 404, 'InvalidTaskId.NotFound'));
  await step(mode, 'DeleteFirewallTemplateRulesAndTemplates', async () => {
    await c.deleteFirewallTemplateRules(new swas.DeleteFirewallTemplateRulesRequest({
      regionId: REGION, firewallTemplateId: templateId, firewallTemplateRuleId: [dnsRule],
    }));
    expect((await describe()).firewallTemplateRules.length === 1, 'one rule left');
    await c.deleteFirewallTemplates(new swas.DeleteFirewallTemplatesRequest({ regionId: REGION, firewallTemplateId: [templateId] }));
    const left = (await c.describeFirewallTemplates(new swas.DescribeFirewallTemplatesRequest({
      regionId: REGION, firewallTemplateId: [templateId],
    }))).body.firewallTemplates;
    expect(left.length === 0, 'the template gone');
    const rules = (await c.listFirewallRules(new swas.ListFirewallRulesRequest({
      regionId: REGION, instanceId: servers[0], pageSize: 50,
    }))).body.firewallRules;
    expect(rules.some((x) => x.port === '5353'), 'the servers keep the applied rules');
  });
}

async function consoleAccess(mode, c) {
  let server;
  const settings = async () => (await c.describeInstancePasswordsSetting(new swas.DescribeInstancePasswordsSettingRequest({
    regionId: REGION, instanceId: server,
  }))).body;
  await step(mode, 'DescribeInstancePasswordsSetting', async () => {
    server = await newServer(c);
    const s = await settings();
    expect(s.instancePasswordSetting === false && s.vncPasswordSetting === false, `nothing set yet, got ${JSON.stringify(s)}`);
    await c.updateInstanceAttribute(new swas.UpdateInstanceAttributeRequest({ regionId: REGION, instanceId: server, password: 'Passw0rd!' }));
    expect((await settings()).instancePasswordSetting === true, 'a password set by UpdateInstanceAttribute');
  });
  await step(mode, 'ModifyInstanceVncPassword', async () => {
    await c.modifyInstanceVncPassword(new swas.ModifyInstanceVncPasswordRequest({ regionId: REGION, instanceId: server, vncPassword: 'abc123' }));
    expect((await settings()).vncPasswordSetting === true, 'a VNC password set');
  });
  await step(mode, 'InvalidVncPassword', () => fails(c.modifyInstanceVncPassword(new swas.ModifyInstanceVncPasswordRequest({
    regionId: REGION, instanceId: server, vncPassword: 'abc12!',
  })), 400, 'InvalidPassword.ValueNotSupported'));
  await step(mode, 'DescribeInstanceVncUrl', async () => {
    const encoded = (await c.describeInstanceVncUrl(new swas.DescribeInstanceVncUrlRequest({ regionId: REGION, instanceId: server }))).body.vncUrl;
    const url = decodeURIComponent(encoded);
    expect(url.startsWith(`ws://${ENDPOINT}/console-session/`), `a ws:// URL on swasd's endpoint, got ${url}`);
    const page = await fetch(url.replace(/^ws:/, 'http:'));
    const text = await page.text();
    expect(page.status === 200 && text.includes(server), `the page names the server, got ${page.status} ${text}`);
    return url;
  });
  await step(mode, 'LoginInstance', async () => {
    const url = (await c.loginInstance(new swas.LoginInstanceRequest({ regionId: REGION, instanceId: server, username: 'root', port: 22 }))).body.redirectUrl;
    expect(url.startsWith(`http://${ENDPOINT}/console-session/`), `an http:// URL on swasd's endpoint, got ${url}`);
    return url;
  });
  await step(mode, 'StartTerminalSession', async () => {
    const b = (await c.startTerminalSession(new swas.StartTerminalSessionRequest({ regionId: REGION, instanceId: server }))).body;
    expect(/^[0-9a-f-]{36}$/.test(b.sessionId) && b.securityToken && b.webSocketUrl.endsWith(b.securityToken),
      `a session, got ${JSON.stringify(b)}`);
    return b.sessionId;
  });
  await step(mode, 'ConsoleNeedsRunningServer', async () => {
    await c.stopInstance(new swas.StopInstanceRequest({ regionId: REGION, instanceId: server }));
    await fails(c.describeInstanceVncUrl(new swas.DescribeInstanceVncUrlRequest({ regionId: REGION, instanceId: server })),
      403, 'IncorrectInstanceStatus');
    return fails(c.startTerminalSession(new swas.StartTerminalSessionRequest({ regionId: REGION, instanceId: server })),
      403, 'IncorrectInstanceStatus');
  });
  await step(mode, 'ConsoleUnknownInstance', () => fails(c.describeInstancePasswordsSetting(new swas.DescribeInstancePasswordsSettingRequest({
    regionId: REGION, instanceId: 'ffffffffffffffffffffffffffffffff',
  })), 404, 'InvalidInstanceId.NotFound'));
}

// Lightweight databases: swas-open cannot create one, so the test seeds one per mode and names it
// in SWASD_DATABASE_V3 / SWASD_DATABASE_V1 (POST /_swasd/seed/database does the same for a user).
async function databases(mode, c) {
  const id = process.env[`SWASD_DATABASE_${mode.toUpperCase()}`];
  const describe = async () => {
    const body = (await c.describeDatabaseInstances(new swas.DescribeDatabaseInstancesRequest({
      regionId: REGION, databaseInstanceIds: JSON.stringify([id]),
    }))).body;
    expect(body.totalCount === 1 && body.databaseInstances.length === 1, `one instance, got ${JSON.stringify(body)}`);
    return body.databaseInstances[0];
  };
  await step(mode, 'DescribeDatabaseInstances', async () => {
    expect(id, 'a seeded database id');
    const d = await describe();
    expect(d.databaseInstanceId === id && d.databaseInstanceStatus === 'Running', `Running ${id}, got ${JSON.stringify(d)}`);
    const page = (await c.describeDatabaseInstances(new swas.DescribeDatabaseInstancesRequest({
      regionId: REGION, pageNumber: 1, pageSize: 1,
    }))).body;
    expect(page.pageSize === 1 && page.databaseInstances.length === 1 && page.totalCount >= 1, `a page of one, got ${JSON.stringify(page)}`);
    return `${d.databaseInstanceId} ${d.databaseVersion}`;
  });
  await step(mode, 'StopDatabaseInstance', async () => {
    await c.stopDatabaseInstance(new swas.StopDatabaseInstanceRequest({ regionId: REGION, databaseInstanceId: id }));
    const d = await describe();
    expect(d.databaseInstanceStatus === 'Stopped', `Stopped, got ${d.databaseInstanceStatus}`);
    return d.databaseInstanceStatus;
  });
  await step(mode, 'DatabaseStoppedRefusesRestart', () => fails(c.restartDatabaseInstance(new swas.RestartDatabaseInstanceRequest({
    regionId: REGION, databaseInstanceId: id,
  })), 403, 'IncorrectDBInstanceState'));
  await step(mode, 'StartDatabaseInstance', async () => {
    await c.startDatabaseInstance(new swas.StartDatabaseInstanceRequest({ regionId: REGION, databaseInstanceId: id }));
    const d = await describe();
    expect(d.databaseInstanceStatus === 'Running', `Running, got ${d.databaseInstanceStatus}`);
    return d.databaseInstanceStatus;
  });
  await step(mode, 'DatabaseRunningRefusesStart', () => fails(c.startDatabaseInstance(new swas.StartDatabaseInstanceRequest({
    regionId: REGION, databaseInstanceId: id,
  })), 403, 'IncorrectDBInstanceState'));
  await step(mode, 'RestartDatabaseInstance', async () => {
    await c.restartDatabaseInstance(new swas.RestartDatabaseInstanceRequest({ regionId: REGION, databaseInstanceId: id }));
    return (await describe()).databaseInstanceStatus;
  });
  await step(mode, 'ModifyDatabaseInstanceDescription', async () => {
    await c.modifyDatabaseInstanceDescription(new swas.ModifyDatabaseInstanceDescriptionRequest({
      regionId: REGION, databaseInstanceId: id, databaseInstanceDescription: `orders-${mode}`,
    }));
    const d = await describe();
    expect(d.databaseInstanceName === `orders-${mode}`, `renamed, got ${d.databaseInstanceName}`);
    return d.databaseInstanceName;
  });
  await step(mode, 'InvalidDatabaseInstanceDescription', () => fails(c.modifyDatabaseInstanceDescription(new swas.ModifyDatabaseInstanceDescriptionRequest({
    regionId: REGION, databaseInstanceId: id, databaseInstanceDescription: 'http://x',
  })), 400, 'InvalidDatabaseInstanceDescription.Malformed'));
  await step(mode, 'AllocatePublicConnection', async () => {
    const body = (await c.allocatePublicConnection(new swas.AllocatePublicConnectionRequest({ regionId: REGION, databaseInstanceId: id }))).body;
    expect(body.publicConnection === `${id}.mysql.rds.aliyuncs.com`, `the public address, got ${JSON.stringify(body)}`);
    const d = await describe();
    expect(d.publicConnection === body.publicConnection, `described, got ${d.publicConnection}`);
    return body.publicConnection;
  });
  await step(mode, 'PublicConnectionAlreadyExist', () => fails(c.allocatePublicConnection(new swas.AllocatePublicConnectionRequest({
    regionId: REGION, databaseInstanceId: id,
  })), 403, 'PublicConnection.AlreadyExist'));
  await step(mode, 'ReleasePublicConnection', async () => {
    await c.releasePublicConnection(new swas.ReleasePublicConnectionRequest({ regionId: REGION, databaseInstanceId: id }));
    const d = await describe();
    expect(d.publicConnection === '', `no public address, got ${d.publicConnection}`);
    return 'released';
  });
  await step(mode, 'PublicConnectionNotFound', () => fails(c.releasePublicConnection(new swas.ReleasePublicConnectionRequest({
    regionId: REGION, databaseInstanceId: id,
  })), 404, 'PublicConnection.NotFound'));
  await step(mode, 'ResetDatabaseAccountPassword', async () => {
    await c.resetDatabaseAccountPassword(new swas.ResetDatabaseAccountPasswordRequest({
      regionId: REGION, databaseInstanceId: id, accountPassword: 'Orders#2024',
    }));
    return 'set';
  });
  await step(mode, 'InvalidAccountPassword', () => fails(c.resetDatabaseAccountPassword(new swas.ResetDatabaseAccountPasswordRequest({
    regionId: REGION, databaseInstanceId: id, accountPassword: 'onlylowercase',
  })), 400, 'InvalidAccountPassword.Malformed'));
  await step(mode, 'DescribeDatabaseInstanceParameters', async () => {
    const body = (await c.describeDatabaseInstanceParameters(new swas.DescribeDatabaseInstanceParametersRequest({
      regionId: REGION, databaseInstanceId: id,
    }))).body;
    expect(body.engine === 'MySQL' && body.configParameters.length >= 30 && body.runningParameters.length === body.configParameters.length,
      `MySQL parameters, got ${body.engine} ${body.configParameters.length}`);
    return `${body.engine} ${body.engineVersion} ${body.runningParameters.length}`;
  });
  await step(mode, 'ForceRestartRequired', () => fails(c.modifyDatabaseInstanceParameter(new swas.ModifyDatabaseInstanceParameterRequest({
    regionId: REGION, databaseInstanceId: id, parameters: JSON.stringify({ back_log: '4000' }),
  })), 403, 'ForceRestart.Required'));
  await step(mode, 'InvalidParameterValue', () => fails(c.modifyDatabaseInstanceParameter(new swas.ModifyDatabaseInstanceParameterRequest({
    regionId: REGION, databaseInstanceId: id, parameters: JSON.stringify({ autocommit: 'maybe' }),
  })), 400, 'InvalidParameterValue.Malformed'));
  await step(mode, 'ModifyDatabaseInstanceParameter', async () => {
    await c.modifyDatabaseInstanceParameter(new swas.ModifyDatabaseInstanceParameterRequest({
      regionId: REGION, databaseInstanceId: id, parameters: JSON.stringify({ back_log: '4000', max_connections: '800' }), forceRestart: true,
    }));
    const body = (await c.describeDatabaseInstanceParameters(new swas.DescribeDatabaseInstanceParametersRequest({
      regionId: REGION, databaseInstanceId: id,
    }))).body;
    const value = (n) => body.runningParameters.find((p) => p.parameterName === n).parameterValue;
    expect(value('back_log') === '4000' && value('max_connections') === '800', `changed, got ${value('back_log')} ${value('max_connections')}`);
    return 'back_log=4000 max_connections=800';
  });
  await step(mode, 'DatabaseUnknownInstance', () => fails(c.stopDatabaseInstance(new swas.StopDatabaseInstanceRequest({
    regionId: REGION, databaseInstanceId: 'db-' + '0'.repeat(32),
  })), 404, 'InvalidDatabaseInstanceId.NotFound'));
}

// ---- monitoring and agents (issue 19)
// DescribeMonitorData: a server's CPU series, one point a minute, paged by Length and NextToken.
async function monitoring(mode, c) {
  let server;
  const HOUR = 3600000;
  const ask = (more) => c.describeMonitorData(new swas.DescribeMonitorDataRequest({
    regionId: REGION, instanceId: server, metricName: 'CPU_UTILIZATION', period: '60', ...more,
  }));
  await step(mode, 'DescribeMonitorData', async () => {
    server = await newServer(c);
    const to = Date.now();
    const from = to - HOUR;
    const whole = (await ask({ startTime: String(from), endTime: String(to) })).body;
    const points = JSON.parse(whole.datapoints);
    expect(whole.period === '60', `Period 60, got ${whole.period}`);
    expect(points.every((p) => p.Average >= 0 && p.Average <= 100), 'CPU within 0-100 %');
    let token;
    const paged = [];
    do {
      const page = (await ask({ startTime: String(from), endTime: String(to), length: '1', nextToken: token })).body;
      paged.push(...JSON.parse(page.datapoints));
      token = page.nextToken;
    } while (token);
    expect(JSON.stringify(paged) === whole.datapoints, 'the pages make up the whole series');
    return `${points.length} points`;
  });
  await step(mode, 'MonitorDataInvalidPeriod', () => fails(ask({
    startTime: String(Date.now() - HOUR), endTime: String(Date.now()), period: '120',
  }), 400, 'InvalidParameter'));
  await step(mode, 'MonitorDataRangeTooLong', () => fails(ask({
    startTime: String(Date.now() - 32 * 24 * HOUR), endTime: String(Date.now()),
  }), 400, 'InvalidParameter'));
  await step(mode, 'MonitorDataUnknownInstance', () => fails(c.describeMonitorData(new swas.DescribeMonitorDataRequest({
    regionId: REGION, instanceId: NO_SERVER, metricName: 'CPU_UTILIZATION', period: '60',
    startTime: String(Date.now() - HOUR), endTime: String(Date.now()),
  })), 404, 'InvalidInstanceId.NotFound'));
}

// The agents: Cloud Assistant and the Security Center agent follow the server; the CloudMonitor agent
// is installed (installing, then running over the state delay, immediate here).
async function agents(mode, c) {
  let server;
  const ids = () => [server];
  await step(mode, 'DescribeCloudAssistantStatus', async () => {
    server = await newServer(c);
    const body = (await c.describeCloudAssistantStatus(new swas.DescribeCloudAssistantStatusRequest({
      regionId: REGION, instanceIds: ids(),
    }))).body;
    expect(body.totalCount === 1 && body.cloudAssistantStatus[0].status === true, `online, got ${JSON.stringify(body)}`);
    return 'online';
  });
  await step(mode, 'DescribeCloudAssistantAttributes', async () => {
    const a = (await c.describeCloudAssistantAttributes(new swas.DescribeCloudAssistantAttributesRequest({
      regionId: REGION, instanceIds: ids(),
    }))).body.cloudAssistant[0];
    expect(a.cloudAssistantStatus === 'true' && a.OSType === 'Linux', `online Linux, got ${JSON.stringify(a)}`);
    return a.cloudAssistantVersion;
  });
  await step(mode, 'InstallCloudAssistant', async () => {
    await c.installCloudAssistant(new swas.InstallCloudAssistantRequest({ regionId: REGION, instanceIds: ids() }));
    return 'already installed: nothing changes';
  });
  await step(mode, 'InstallCloudMonitorAgent', async () => {
    const status = async () => (await c.describeCloudMonitorAgentStatuses(new swas.DescribeCloudMonitorAgentStatusesRequest({
      regionId: REGION, instanceIds: JSON.stringify(ids()),
    }))).body.instanceStatusList[0].status;
    const before = await status();
    expect(before === 'not_installed', `not_installed, got ${before}`);
    await c.installCloudMonitorAgent(new swas.InstallCloudMonitorAgentRequest({ regionId: REGION, instanceId: server, force: true }));
    const after = await status();
    expect(after === 'running', `running, got ${after}`);
    return `${before} -> ${after}`;
  });
  await step(mode, 'DescribeSecurityAgentStatus', async () => {
    const body = (await c.describeSecurityAgentStatus(new swas.DescribeSecurityAgentStatusRequest({
      regionId: REGION, instanceId: server,
    }))).body;
    expect(body.clientStatus === 'online', `online, got ${body.clientStatus}`);
    return body.clientStatus;
  });
  await step(mode, 'AgentsOfAStoppedServer', async () => {
    await c.stopInstance(new swas.StopInstanceRequest({ regionId: REGION, instanceId: server }));
    const body = (await c.describeCloudAssistantStatus(new swas.DescribeCloudAssistantStatusRequest({
      regionId: REGION, instanceIds: ids(),
    }))).body;
    expect(body.cloudAssistantStatus[0].status === false, 'offline');
    await fails(c.installCloudMonitorAgent(new swas.InstallCloudMonitorAgentRequest({
      regionId: REGION, instanceId: server,
    })), 403, 'IncorrectInstanceStatus');
    return 'offline; install refused with 403 IncorrectInstanceStatus';
  });
  await step(mode, 'AgentsUnknownInstance', () => fails(c.installCloudAssistant(new swas.InstallCloudAssistantRequest({
    regionId: REGION, instanceIds: [NO_SERVER],
  })), 404, 'InvalidInstanceId.NotFound'));
  await step(mode, 'CloudAssistantPageSize', () => fails(c.describeCloudAssistantStatus(new swas.DescribeCloudAssistantStatusRequest({
    regionId: REGION, pageSize: 51,
  })), 400, 'InvalidParameter'));
}

// A seeded database's error log, slow log and metric series (SWASD_DATABASE_V3 / _V1, as databases()).
async function databaseInsight(mode, c) {
  const id = process.env[`SWASD_DATABASE_${mode.toUpperCase()}`];
  const minute = (t) => new Date(t).toISOString().slice(0, 16) + 'Z';
  const from = minute(Date.now() - 3600000);
  const to = minute(Date.now() + 60000);
  await step(mode, 'DescribeDatabaseErrorLogs', async () => {
    const body = (await c.describeDatabaseErrorLogs(new swas.DescribeDatabaseErrorLogsRequest({
      regionId: REGION, databaseInstanceId: id, startTime: from, endTime: to, pageNumber: 1, pageSize: 30,
    }))).body;
    expect(body.pageSize === 30 && Array.isArray(body.errorLogs), `a page of 30, got ${JSON.stringify(body)}`);
    return `${body.totalCount} entries`;
  });
  await step(mode, 'DescribeDatabaseSlowLogRecords', async () => {
    const body = (await c.describeDatabaseSlowLogRecords(new swas.DescribeDatabaseSlowLogRecordsRequest({
      regionId: REGION, databaseInstanceId: id, startTime: from, endTime: to,
    }))).body;
    expect(body.engine === 'MySQL', `Engine MySQL, got ${body.engine}`);
    return `${body.totalCount} slow queries`;
  });
  await step(mode, 'DescribeDatabaseInstanceMetricData', async () => {
    const body = (await c.describeDatabaseInstanceMetricData(new swas.DescribeDatabaseInstanceMetricDataRequest({
      regionId: REGION, databaseInstanceId: id, metricName: 'MySQL_MemCpuUsage', startTime: from, endTime: to,
    }))).body;
    expect(body.dataFormat === 'cpuusage&memusage' && body.unit === '%', `cpu&mem in %, got ${body.dataFormat} ${body.unit}`);
    const points = JSON.parse(body.metricData);
    expect(points.every((p) => /^\d+\.\d\d&\d+\.\d\d$/.test(p.value)), 'values cpu&mem');
    return `${points.length} points`;
  });
  await step(mode, 'DatabaseLogsRangeReversed', () => fails(c.describeDatabaseErrorLogs(new swas.DescribeDatabaseErrorLogsRequest({
    regionId: REGION, databaseInstanceId: id, startTime: to, endTime: from,
  })), 400, 'InvalidParameter'));
}
// ---- end of monitoring and agents

// ---- Cloud Assistant commands (swas.commands): the test server's state delay is zero and it has no
// scripted outcomes, so every run on a Running server succeeds at once with exit code 0, no output.
const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');
async function commands(mode, c) {
  let server;
  let invokeId;
  let commandId;
  await step(mode, 'RunCommand', async () => {
    server = await newServer(c);
    const body = (await c.runCommand(new swas.RunCommandRequest({
      regionId: REGION, instanceId: server, name: 'greet', type: 'RunShellScript',
      commandContent: 'echo {{name}}', enableParameter: true, parameters: { name: 'Jack' }, timeout: 60,
    }))).body;
    invokeId = body.invokeId;
    expect(/^t-[a-z0-9]{15}$/.test(invokeId), `a t- InvokeId, got ${invokeId}`);
    return invokeId;
  });
  await step(mode, 'DescribeInvocationResult', async () => {
    const r = (await c.describeInvocationResult(new swas.DescribeInvocationResultRequest({
      regionId: REGION, instanceId: server, invokeId,
    }))).body.invocationResult;
    expect(r.invocationStatus === 'Success' && r.exitCode === 0 && r.output === '', `Success, exit 0, no output, got ${JSON.stringify(r)}`);
    return `${r.invocationStatus} ${r.exitCode}`;
  });
  await step(mode, 'DescribeInvocations', async () => {
    const body = (await c.describeInvocations(new swas.DescribeInvocationsRequest({
      regionId: REGION, instanceId: server, pageNumber: 1, pageSize: 10,
    }))).body;
    const i = body.invocations.find((x) => x.invokeId === invokeId);
    expect(i && i.commandContent === b64('echo {{name}}') && i.invokeStatus === 'Finished', `the run, Base64 content, got ${JSON.stringify(body)}`);
    return `${body.totalCount} record(s)`;
  });
  await step(mode, 'CreateCommand', async () => {
    commandId = (await c.createCommand(new swas.CreateCommandRequest({
      regionId: REGION, name: 'uptime', type: 'RunShellScript', commandContent: 'uptime', timeout: 120,
      tag: [new swas.CreateCommandRequestTag({ key: 'team', value: 'ops' })],
    }))).body.commandId;
    expect(/^c-[a-z0-9]{15}$/.test(commandId), `a c- CommandId, got ${commandId}`);
    return commandId;
  });
  await step(mode, 'UpdateCommandAttribute', async () => {
    await c.updateCommandAttribute(new swas.UpdateCommandAttributeRequest({
      regionId: REGION, commandId, name: 'uptime-2', description: 'how long up', timeout: 300, workingDir: '/root',
    }));
    return 'renamed';
  });
  await step(mode, 'DescribeCommands', async () => {
    const body = (await c.describeCommands(new swas.DescribeCommandsRequest({
      regionId: REGION, provider: 'User', commandId, pageNumber: '1', pageSize: '10',
    }))).body;
    const x = body.commands[0];
    expect(x && x.name === 'uptime-2' && x.timeout === 300 && x.tags[0].key === 'team', `the updated command, got ${JSON.stringify(body)}`);
    return x.name;
  });
  await step(mode, 'InvokeCommand', async () => {
    const id = (await c.invokeCommand(new swas.InvokeCommandRequest({
      regionId: REGION, commandId, instanceIds: JSON.stringify([server]), username: 'root',
    }))).body.invokeId;
    const body = (await c.describeCommandInvocations(new swas.DescribeCommandInvocationsRequest({
      regionId: REGION, invokeId: id, pageNumber: '1', pageSize: '10',
    }))).body;
    const inv = body.commandInvocations[0];
    expect(inv.invocationStatus === 'Success' && inv.invokeInstances[0].instanceId === server, `aggregate Success, got ${JSON.stringify(body)}`);
    return inv.invocationStatus;
  });
  await step(mode, 'DescribeCommandInvocations', async () => {
    const body = (await c.describeCommandInvocations(new swas.DescribeCommandInvocationsRequest({
      regionId: REGION, commandId, invocationStatus: 'Success',
    }))).body;
    expect(body.totalCount === 1, `one invocation of the command, got ${body.totalCount}`);
    return `${body.totalCount}`;
  });
  await step(mode, 'DeleteCommand', async () => {
    await c.deleteCommand(new swas.DeleteCommandRequest({ regionId: REGION, commandId }));
    return 'deleted';
  });
  await step(mode, 'CommandNotFound', () => fails(c.deleteCommand(new swas.DeleteCommandRequest({
    regionId: REGION, commandId,
  })), 404, 'InvalidCommandId.NotFound'));
  await step(mode, 'InvokeNotFound', () => fails(c.describeInvocationResult(new swas.DescribeInvocationResultRequest({
    regionId: REGION, instanceId: server, invokeId: 't-000000000000000',
  })), 404, 'InvalidInvokeId.NotFound'));
  await step(mode, 'CommandTimeoutOutOfRange', () => fails(c.runCommand(new swas.RunCommandRequest({
    regionId: REGION, instanceId: server, name: 'n', type: 'RunShellScript', commandContent: 'ls', timeout: 5,
  })), 400, 'InvalidParameter'));
  await step(mode, 'CommandOnStoppedServer', async () => {
    await c.stopInstance(new swas.StopInstanceRequest({ regionId: REGION, instanceId: server }));
    return fails(c.runCommand(new swas.RunCommandRequest({
      regionId: REGION, instanceId: server, name: 'n', type: 'RunShellScript', commandContent: 'ls',
    })), 403, 'IncorrectInstanceStatus');
  });
}

async function main() {
  for (const mode of ['v3', 'v1']) {
    const c = client(mode);
    await firewall(mode, c);
    await plansAndDisks(mode, c);
    await keyPairs(mode, c);
    await templates(mode, c);
    await consoleAccess(mode, c);
    await databases(mode, c);
    await monitoring(mode, c);
    await agents(mode, c);
    await databaseInsight(mode, c);
    await commands(mode, c);
  }
  emit(results.every((r) => r.ok) ? 0 : 1);
}

if (!ENDPOINT || !AK_ID || !AK_SECRET) {
  results.push({ mode: '-', case: 'environment', ok: false, detail: 'SWASD_ENDPOINT, SWASD_ACCESS_KEY_ID and SWASD_ACCESS_KEY_SECRET must be set' });
  emit(1);
} else {
  main().catch((e) => {
    results.push({ mode: '-', case: 'crash', ok: false, detail: e && e.stack ? e.stack : String(e) });
    emit(1);
  });
}
