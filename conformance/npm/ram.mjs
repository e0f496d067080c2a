// RAM story: drives swasd with the official npm clients @alicloud/ram20150501@1.2.1
// (RAM API 2015-05-01, as the root account) and @alicloud/swas-open20200601@4.0.0
// (as the RAM user it made), using only their typed request methods, in both
// signing modes (v3 = ACS3-HMAC-SHA256, the default; v1 = signatureAlgorithm
// 'v2', RPC HMAC-SHA1). Root creates a user, an AccessKey and a custom policy
// allowing ListCustomImages and DeleteCustomImages on one image only, and
// attaches it; the user can then do exactly that and gets 403 Forbidden.RAM
// with AccessDeniedDetail for anything else.
//
// Env: SWASD_ENDPOINT (host:port), SWASD_ACCESS_KEY_ID, SWASD_ACCESS_KEY_SECRET
//      (a root key), SWASD_REGION (default cn-hangzhou). The server should run
//      with --state-delay 0s (images are used as soon as they are made).
// Output: one JSON document {"results":[{"mode","case","ok","detail"}]}.
// Exit: 0 only when every case is ok, 1 otherwise. Secrets are never printed.

import * as ramPkg from '@alicloud/ram20150501';
import * as swasPkg from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { randomBytes } from 'node:crypto';

// Both packages are CommonJS with `exports.default = Client`.
const clientOf = (pkg) => (typeof pkg.default === 'function' ? pkg.default : pkg.default.default);
const RamClient = clientOf(ramPkg);
const SwasClient = clientOf(swasPkg);

const ENDPOINT = process.env.SWASD_ENDPOINT;
const AK_ID = process.env.SWASD_ACCESS_KEY_ID;
const AK_SECRET = process.env.SWASD_ACCESS_KEY_SECRET;
const REGION = process.env.SWASD_REGION || 'cn-hangzhou';
const RUN_ID = randomBytes(3).toString('hex');
const secrets = [AK_SECRET];

function scrub(s) {
  let out = String(s);
  for (const secret of secrets) if (secret) out = out.split(secret).join('***');
  return out;
}

function emit(doc, code) {
  process.stdout.write(scrub(JSON.stringify(doc, null, 2)) + '\n', () => process.exit(code));
}

function config(id, secret, mode) {
  const cfg = { accessKeyId: id, accessKeySecret: secret, endpoint: ENDPOINT, protocol: 'http', regionId: REGION,
    readTimeout: 15000, connectTimeout: 5000 };
  if (mode === 'v1') cfg.signatureAlgorithm = 'v2';
  return new $OpenApiUtil.Config(cfg);
}

const results = [];

// Runs one case; `fn` returns a detail string or throws an Error whose message says what failed.
async function step(mode, name, fn) {
  try {
    const detail = await fn();
    results.push({ mode, case: name, ok: true, detail: scrub(detail || '') });
    return true;
  } catch (e) {
    results.push({ mode, case: name, ok: false, detail: scrub(e && e.stack ? e.stack : e) });
    return false;
  }
}

function expect(cond, what) {
  if (!cond) throw new Error(what);
}

// The error an SDK call must throw; returns it.
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('the call succeeded but an error was expected');
}

function describe(e) {
  return `statusCode=${e.statusCode} code=${e.code} message=${e.message} data=${JSON.stringify(e.data)}`;
}

function expectDenied(e, type, action, resource) {
  expect(e.statusCode === 403, `status 403: ${describe(e)}`);
  expect(e.code === 'Forbidden.RAM', `code Forbidden.RAM: ${describe(e)}`);
  expect(String(e.message).includes(action) && String(e.message).includes(resource),
    `message names ${action} and ${resource}: ${e.message}`);
  const d = e.accessDeniedDetail || (e.data && e.data.AccessDeniedDetail);
  expect(d && typeof d === 'object', `AccessDeniedDetail object: ${describe(e)}`);
  expect(d.NoPermissionType === type, `NoPermissionType ${type}: ${JSON.stringify(d)}`);
  expect(d.AuthAction === action, `AuthAction ${action}: ${JSON.stringify(d)}`);
  expect(d.PolicyType === 'AccountLevelIdentityBasedPolicy', `PolicyType: ${JSON.stringify(d)}`);
  expect(d.AuthPrincipalType === 'SubUser', `AuthPrincipalType SubUser: ${JSON.stringify(d)}`);
  expect(/^\d{16}$/.test(d.AuthPrincipalOwnerId), `AuthPrincipalOwnerId: ${JSON.stringify(d)}`);
  expect(/^[1-9]\d{15}$/.test(d.AuthPrincipalDisplayName), `AuthPrincipalDisplayName is the user id: ${JSON.stringify(d)}`);
  const diag = JSON.parse(Buffer.from(d.EncodedDiagnosticMessage, 'base64').toString('utf8'));
  expect(String(diag.AuthResource).endsWith(resource), `diagnostic AuthResource ${resource}: ${JSON.stringify(diag)}`);
  return `${e.code} ${d.NoPermissionType} ${d.AuthAction}`;
}

async function makeImages(root, n, prefix) {
  const images = (await root.listImages(new swasPkg.ListImagesRequest({ regionId: REGION, imageType: 'system' }))).body.images;
  const linux = images.find((i) => i.platform === 'Linux').imageId;
  const server = (await root.createInstances(new swasPkg.CreateInstancesRequest({ regionId: REGION, imageId: linux,
    planId: 'swas.s2.c2m2s40b3t08', period: 1, amount: 1 }))).body.instanceIds[0];
  const disk = (await root.listDisks(new swasPkg.ListDisksRequest({ regionId: REGION, instanceId: server,
    diskType: 'system' }))).body.disks[0].diskId;
  const snapshot = (await root.createSnapshot(new swasPkg.CreateSnapshotRequest({ regionId: REGION, diskId: disk,
    snapshotName: `${prefix}-snap` }))).body.snapshotId;
  const ids = [];
  for (let i = 0; i < n; i++) {
    ids.push((await root.createCustomImage(new swasPkg.CreateCustomImageRequest({ regionId: REGION, instanceId: server,
      imageName: `${prefix}-img${i}`, systemSnapshotId: snapshot }))).body.imageId);
  }
  return ids;
}

async function existing(root, ids) {
  const body = (await root.listCustomImages(new swasPkg.ListCustomImagesRequest({ regionId: REGION,
    imageIds: JSON.stringify(ids) }))).body;
  return body.customImages.map((i) => i.imageId).sort();
}

async function story(mode) {
  const ram = new RamClient(config(AK_ID, AK_SECRET, mode));
  const root = new SwasClient(config(AK_ID, AK_SECRET, mode));
  const userName = `cleaner-${RUN_ID}-${mode}`;
  const policyName = `DeleteOneImage-${RUN_ID}-${mode}`;
  let images;
  let key;
  let user;

  await step(mode, 'RootMakesImages', async () => {
    images = await makeImages(root, 2, `ram-${RUN_ID}-${mode}`);
    expect(images.length === 2 && images.every((i) => /^m-/.test(i)), `two image ids: ${images}`);
    return images.join(',');
  });
  await step(mode, 'CreateUser', async () => {
    const u = (await ram.createUser(new ramPkg.CreateUserRequest({ userName, displayName: 'Image cleaner' }))).body.user;
    expect(/^[1-9]\d{15}$/.test(u.userId), `UserId: ${u.userId}`);
    expect(u.userName === userName, `UserName: ${u.userName}`);
    expect(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(u.createDate), `CreateDate: ${u.createDate}`);
    return u.userId;
  });
  await step(mode, 'CreateUserAgain', async () => {
    const e = await failure(ram.createUser(new ramPkg.CreateUserRequest({ userName })));
    expect(e.statusCode === 409 && e.code === 'EntityAlreadyExists.User', describe(e));
    return e.code;
  });
  await step(mode, 'CreateAccessKey', async () => {
    key = (await ram.createAccessKey(new ramPkg.CreateAccessKeyRequest({ userName }))).body.accessKey;
    secrets.push(key.accessKeySecret);
    expect(/^LTAI[A-Za-z0-9]{20}$/.test(key.accessKeyId), `AccessKeyId: ${key.accessKeyId}`);
    expect(/^[A-Za-z0-9]{30}$/.test(key.accessKeySecret), 'a 30-character secret');
    expect(key.status === 'Active', `Status: ${key.status}`);
    return key.accessKeyId;
  });
  await step(mode, 'CreatePolicyAndAttach', async () => {
    expect(images, 'prerequisite: images');
    const doc = JSON.stringify({ Version: '1', Statement: [
      { Effect: 'Allow', Action: 'swas-open:ListCustomImages', Resource: '*' },
      { Effect: 'Allow', Action: 'swas-open:DeleteCustomImages', Resource: `acs:swas-open:*:*:customimage/${images[0]}` },
    ] });
    const p = (await ram.createPolicy(new ramPkg.CreatePolicyRequest({ policyName, policyDocument: doc }))).body.policy;
    expect(p.defaultVersion === 'v1' && p.policyType === 'Custom', JSON.stringify(p));
    await ram.attachPolicyToUser(new ramPkg.AttachPolicyToUserRequest({ policyType: 'Custom', policyName, userName }));
    const attached = (await ram.listPoliciesForUser(new ramPkg.ListPoliciesForUserRequest({ userName }))).body.policies.policy;
    expect(attached.length === 1 && attached[0].policyName === policyName, JSON.stringify(attached));
    return policyName;
  });
  if (!key || !images) return;
  user = new SwasClient(config(key.accessKeyId, key.accessKeySecret, mode));
  const account = (await ram.getUser(new ramPkg.GetUserRequest({ userName }))).body;
  expect(account, 'GetUser');

  await step(mode, 'UserListsImages', async () => {
    const body = (await user.listCustomImages(new swasPkg.ListCustomImagesRequest({ regionId: REGION,
      imageIds: JSON.stringify(images) }))).body;
    expect(body.customImages.length === 2, `both images listed: ${JSON.stringify(body)}`);
    return `${body.customImages.length} images`;
  });
  await step(mode, 'UserDeletesTwoOneAllowed', async () => {
    const e = await failure(user.deleteCustomImages(new swasPkg.DeleteCustomImagesRequest({ regionId: REGION,
      imageIds: JSON.stringify(images) })));
    const resource = /customimage\//;
    expect(resource.test(e.message), `message names the image: ${e.message}`);
    const acct = (JSON.parse(Buffer.from((e.accessDeniedDetail || e.data.AccessDeniedDetail).EncodedDiagnosticMessage,
      'base64').toString('utf8'))).AuthPrincipalOwnerId;
    const detail = expectDenied(e, 'ImplicitDeny', 'swas-open:DeleteCustomImages',
      `acs:swas-open:${REGION}:${acct}:customimage/${images[1]}`);
    const left = await existing(root, images);
    expect(left.length === 2, `nothing deleted: ${left}`);
    return detail;
  });
  await step(mode, 'UserDeletesTheAllowedOne', async () => {
    await user.deleteCustomImages(new swasPkg.DeleteCustomImagesRequest({ regionId: REGION,
      imageIds: JSON.stringify([images[0]]) }));
    const left = await existing(root, images);
    expect(left.length === 1 && left[0] === images[1], `only the other image is left: ${left}`);
    return 'deleted';
  });
  await step(mode, 'UserListInstancesDenied', async () => {
    const e = await failure(user.listInstances(new swasPkg.ListInstancesRequest({ regionId: REGION })));
    return expectDenied(e, 'ImplicitDeny', 'swas-open:ListInstances', ':instance/*');
  });
  await step(mode, 'UserCannotUseRam', async () => {
    const asUser = new RamClient(config(key.accessKeyId, key.accessKeySecret, mode));
    const e = await failure(asUser.listUsers(new ramPkg.ListUsersRequest({})));
    expect(e.statusCode === 403 && e.code === 'NoPermission', describe(e));
    return e.code;
  });
  await step(mode, 'InactiveKey', async () => {
    await ram.updateAccessKey(new ramPkg.UpdateAccessKeyRequest({ userName, userAccessKeyId: key.accessKeyId,
      status: 'Inactive' }));
    const e = await failure(user.listCustomImages(new swasPkg.ListCustomImagesRequest({ regionId: REGION })));
    expect(e.statusCode === 400 && e.code === 'InvalidAccessKeyId.Inactive', describe(e));
    return e.code;
  });
  await step(mode, 'ListUsersShape', async () => {
    const body = (await ram.listUsers(new ramPkg.ListUsersRequest({ maxItems: 1000 }))).body;
    expect(body.isTruncated === false, `IsTruncated false: ${JSON.stringify(body)}`);
    expect(body.users.user.some((u) => u.userName === userName), 'the user is listed');
    return `${body.users.user.length} users`;
  });
}

async function main() {
  for (const mode of ['v3', 'v1']) {
    await story(mode);
  }
  emit({ results }, results.length > 0 && results.every((r) => r.ok) ? 0 : 1);
}

if (!ENDPOINT || !AK_ID || !AK_SECRET) {
  emit({ results: [], error: 'SWASD_ENDPOINT, SWASD_ACCESS_KEY_ID and SWASD_ACCESS_KEY_SECRET must be set' }, 1);
} else {
  main().catch((e) => emit({ results, error: `crashed: ${scrub(e && e.stack ? e.stack : e)}` }, 1));
}
