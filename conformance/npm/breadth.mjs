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

async function main() {
  for (const mode of ['v3', 'v1']) {
    const c = client(mode);
    await firewall(mode, c);
    await plansAndDisks(mode, c);
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
