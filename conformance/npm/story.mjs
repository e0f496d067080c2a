// Custom-image lifecycle story: drives swasd with the official npm client
// @alicloud/swas-open20200601@4.0.0 (on @alicloud/openapi-core), using only the
// typed request methods, in both signing modes (v3 = ACS3-HMAC-SHA256, the
// default; v1 = signatureAlgorithm 'v2', RPC HMAC-SHA1). Each step of the story
// is one recorded case with its own assertions.
//
// Env: SWASD_ENDPOINT (host:port), SWASD_ACCESS_KEY_ID, SWASD_ACCESS_KEY_SECRET,
//      SWASD_REGION (default cn-hangzhou),
//      SWASD_WIRE_LOG=/path/file.json to save what the tap saw (Authorization
//      and Signature redacted).
// Output: one JSON document {"results":[{"mode","case","ok","detail"}]}.
// Exit: 0 only when every case is ok, 1 otherwise.
//
// Every call goes through an in-process recording relay (the same kind of tap
// as conformance.mjs), which also keeps the raw response body. The typed SDK
// models coerce values (a JSON number becomes a string for a string field and
// back), so the JSON types (for example ListCustomImages' string counters) are
// checked on the raw body the server sent.

import { startTap, wireParams, writeWireLog } from './tap.mjs';
import { randomBytes } from 'node:crypto';
import * as swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const {
  ListImagesRequest,
  CreateInstancesRequest,
  ListInstanceStatusRequest,
  ListInstancesRequest,
  ListDisksRequest,
  CreateSnapshotRequest,
  ListSnapshotsRequest,
  CreateCustomImageRequest,
  ListCustomImagesRequest,
  ListCustomImagesRequestTag,
  TagResourcesRequest,
  TagResourcesRequestTag,
  ListTagResourcesRequest,
  ModifyImageShareStatusRequest,
  AddCustomImageShareAccountRequest,
  RemoveCustomImageShareAccountRequest,
  ListCustomImageShareAccountsRequest,
  DeleteCustomImagesRequest,
  ResetSystemRequest,
  StopInstanceRequest,
} = swas;
// The package is CommonJS with `exports.default = Client`; under Node's ESM
// interop the namespace's `default` is module.exports itself.
const Client = typeof swas.default === 'function' ? swas.default : swas.default.default;

const ENDPOINT = process.env.SWASD_ENDPOINT;
const AK_ID = process.env.SWASD_ACCESS_KEY_ID;
const AK_SECRET = process.env.SWASD_ACCESS_KEY_SECRET;
const REGION = process.env.SWASD_REGION || 'cn-hangzhou';

const PLAN_ID = 'swas.s2.c2m2s40b3t08';
const SHARE_ACCOUNT = 2000000000000002;
const UNKNOWN_IMAGE = 'm-doesnotexist00000000';
const IN_SHARE_MESSAGE = 'The custom image is in sharing,please unshare first then to retry.';
const POLL_INTERVAL_MS = 100;
const POLL_LIMIT_MS = 15000;
// Distinguishes this run's ClientTokens, names and tag keys from earlier runs
// against the same server; the mode is added per mode.
const RUN_ID = randomBytes(4).toString('hex');

function emit(doc, code) {
  process.stdout.write(scrub(JSON.stringify(doc, null, 2)) + '\n', () => process.exit(code));
}

// Never let the secret reach stdout, whatever the server or the SDK echoes back.
function scrub(s) {
  let out = String(s);
  if (AK_SECRET) out = out.split(AK_SECRET).join('***');
  return out;
}

if (!ENDPOINT || !AK_ID || !AK_SECRET) {
  emit({ results: [], error: 'SWASD_ENDPOINT, SWASD_ACCESS_KEY_ID and SWASD_ACCESS_KEY_SECRET must be set' }, 1);
} else {
  main().catch((e) => emit({ results: [], error: `story crashed: ${e && e.stack ? e.stack : e}` }, 1));
}




// Parameters worth showing (no signature material).
function describeParams(p) {
  const hide = new Set(['Action', 'Signature', 'SignatureNonce', 'Timestamp', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'Format', 'Version']);
  const shown = Object.entries(p).filter(([k]) => !hide.has(k)).map(([k, v]) => `${k}=${v}`);
  return shown.length ? shown.join('&') : '(no params)';
}

function parseJson(s) {
  if (typeof s !== 'string') return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

function makeClient(mode, endpoint) {
  const cfg = {
    accessKeyId: AK_ID,
    accessKeySecret: AK_SECRET,
    endpoint,
    protocol: 'http',
    regionId: REGION,
    readTimeout: 15000,
    connectTimeout: 5000,
    // No retryOptions: openapi-core then never retries; every call is checked
    // to have produced exactly one request on the wire.
  };
  if (mode === 'v1') cfg.signatureAlgorithm = 'v2'; // legacy RPC HMAC-SHA1 (SignatureVersion 1.0)
  return new Client(new $OpenApiUtil.Config(cfg));
}

class MissingPrerequisite extends Error {}

function describeError(e) {
  if (!e) return String(e);
  const parts = [`${e.name || 'Error'}`];
  if (e.statusCode !== undefined) parts.push(`statusCode=${e.statusCode}`);
  if (e.code !== undefined) parts.push(`code=${e.code}`);
  if (e.data !== undefined) parts.push(`body=${JSON.stringify(e.data)}`);
  else if (e.message) parts.push(`message=${JSON.stringify(e.message)}`);
  return parts.join(' ');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const json = (v) => JSON.stringify(v);

// One recorded case. `call` runs one typed SDK method and checks what went on
// the wire; `check` records an assertion.
class Case {
  constructor(env) {
    this.env = env;
    this.checks = []; // [description, passed]
    this.notes = [];
    this.calls = []; // one line per SDK call: what was sent, what came back
  }

  check(desc, passed) {
    this.checks.push([desc, !!passed]);
    return !!passed;
  }

  note(s) {
    this.notes.push(s);
  }

  need(values) {
    const missing = Object.entries(values).filter(([, v]) => v === undefined || v === null).map(([k]) => k);
    if (missing.length) throw new MissingPrerequisite(`prerequisite missing from an earlier step: ${missing.join(', ')}`);
  }

  // method: the client's method name, e.g. 'listCustomImages'.
  async call(method, RequestClass, fields) {
    const { client, tap, mode } = this.env;
    const action = method[0].toUpperCase() + method.slice(1);
    const before = tap.log.length;
    let outcome;
    try {
      outcome = { ok: true, value: await client[method](new RequestClass(fields)) };
    } catch (e) {
      outcome = { ok: false, error: e };
    }
    const wire = tap.log.slice(before);
    outcome.action = action;
    outcome.params = {};
    this.check(`${action}: exactly one HTTP request on the wire (saw ${wire.length})`, wire.length === 1);
    if (wire.length >= 1) {
      const w = wire[0];
      const p = wireParams(w);
      outcome.params = p;
      outcome.status = w.status;
      outcome.raw = parseJson(w.responseBody);
      this.check(`Action=${action} on the wire (got ${p.Action ?? w.headers['x-acs-action']})`, p.Action === action || w.headers['x-acs-action'] === action);
      if (mode === 'v3') {
        const auth = w.headers.authorization || '';
        this.check(`${action}: signed with ACS3-HMAC-SHA256 Authorization header`, auth.startsWith('ACS3-HMAC-SHA256 ') && p.Signature === undefined);
      } else {
        this.check(`${action}: signed with RPC SignatureMethod=HMAC-SHA1/SignatureVersion=1.0`, p.SignatureMethod === 'HMAC-SHA1' && p.SignatureVersion === '1.0' && typeof p.Signature === 'string' && !w.headers.authorization);
      }
      let line = `${action} ${w.method} ${describeParams(p)} -> ${w.status}`;
      if (!outcome.ok) line += ` ${w.responseBody}`;
      this.calls.push(line);
    } else {
      this.calls.push(`${action}: nothing on the wire${outcome.ok ? '' : ` (${describeError(outcome.error)})`}`);
    }
    return outcome;
  }

  // Success with HTTP 200 and a RequestId; returns the typed body or null.
  ok(o) {
    if (!o.ok) {
      this.check(`${o.action}: expected success, got ${describeError(o.error)}`, false);
      return null;
    }
    const r = o.value;
    this.check(`${o.action}: HTTP 200 (got ${r.statusCode})`, r.statusCode === 200);
    const body = r.body || {};
    this.check(`${o.action}: RequestId present`, typeof body.requestId === 'string' && body.requestId.length > 0);
    return body;
  }

  // An error with this HTTP status and Code (in the SDK error and the raw
  // body), and a RequestId. Returns the raw error body or null.
  err(o, status, code) {
    if (o.ok) {
      this.check(`${o.action}: expected error ${status} ${code}, but the call succeeded (RequestId=${o.value?.body?.requestId})`, false);
      return null;
    }
    const e = o.error;
    const data = e.data || {};
    const bodyCode = data.Code ?? data.code;
    const rid = data.RequestId ?? data.requestId;
    this.check(`${o.action}: statusCode ${status} (got ${e.statusCode})`, e.statusCode === status);
    this.check(`${o.action}: code ${code} (got ${e.code})`, e.code === code);
    this.check(`${o.action}: raw body Code ${code} (got ${bodyCode})`, bodyCode === code);
    this.check(`${o.action}: raw body RequestId present`, typeof rid === 'string' && rid.length > 0);
    this.note(`${o.action} -> ${e.statusCode} ${bodyCode}`);
    return data;
  }

  // Calls attempt() every 100 ms until it returns true, for at most 15 s.
  // attempt() returns true (done), false (not yet) or 'error' (stop: the
  // failed call is already recorded; failed calls are never retried).
  async poll(desc, attempt) {
    const start = Date.now();
    let n = 0;
    for (;;) {
      n += 1;
      const r = await attempt();
      if (r === 'error') {
        this.check(`${desc}: stopped at poll ${n} because a call failed`, false);
        return false;
      }
      if (r === true) {
        this.note(`${desc} after ${n} poll(s), ${Date.now() - start} ms`);
        return true;
      }
      if (Date.now() - start >= POLL_LIMIT_MS) {
        this.check(`${desc} within ${POLL_LIMIT_MS / 1000} s (gave up after ${n} polls)`, false);
        return false;
      }
      await sleep(POLL_INTERVAL_MS);
    }
  }
}

async function runCase(env, name, fn) {
  const c = new Case(env);
  try {
    const info = await fn(c);
    if (info) c.note(info);
  } catch (e) {
    if (e instanceof MissingPrerequisite) c.check(e.message, false);
    else c.check(`case code threw: ${e && e.stack ? e.stack : e}`, false);
  }
  const failed = c.checks.filter(([, ok]) => !ok).map(([d]) => d);
  const ok = c.checks.length > 0 && failed.length === 0;
  let calls = c.calls;
  if (calls.length > 5) calls = [...calls.slice(0, 2), `... ${calls.length - 4} more ...`, ...calls.slice(-2)];
  const detail = [
    ok ? 'ok' : `FAILED: ${failed.join('; ')}`,
    ...c.notes,
    calls.length ? `wire (${c.calls.length} call${c.calls.length === 1 ? '' : 's'}): ${calls.join(' || ')}` : '',
  ].filter((x) => x).join(' | ');
  const result = { mode: env.mode, case: name, ok, detail: scrub(detail) };
  env.results.push(result);
  return ok;
}

// Helpers for the raw (untyped) response bodies.
function rawCustomImages(o) {
  return Array.isArray(o.raw?.CustomImages) ? o.raw.CustomImages : [];
}

async function story(env) {
  const { mode } = env;
  const s = {}; // state carried between steps
  const tag = (suffix) => `story-${RUN_ID}-${mode}-${suffix}`; // ClientTokens and names
  const step = (name, fn) => runCase(env, name, fn);

  await step('ListImages', async (c) => {
    const o = await c.call('listImages', ListImagesRequest, { regionId: REGION, imageType: 'system' });
    const body = c.ok(o);
    if (!body) return '';
    const images = body.images || [];
    const linux = images.find((i) => i.imageType === 'system' && i.platform === 'Linux');
    c.check(`a system image with Platform=Linux (images: ${images.map((i) => `${i.imageId}:${i.platform}`).join(',')})`, !!linux);
    c.check('every image has ImageType system', images.every((i) => i.imageType === 'system'));
    s.imageId = linux?.imageId;
    return `Linux image ${s.imageId} (${linux?.imageName})`;
  });

  const createFields = (period) => ({
    regionId: REGION, imageId: s.imageId, planId: PLAN_ID, period, amount: 2, clientToken: tag('create'),
  });

  await step('CreateInstances', async (c) => {
    c.need({ imageId: s.imageId });
    const o = await c.call('createInstances', CreateInstancesRequest, createFields(1));
    const body = c.ok(o);
    c.check(`ClientToken, Amount=2, Period=1, PlanId sent (got ${describeParams(o.params)})`,
      o.params.ClientToken === tag('create') && o.params.Amount === '2' && o.params.Period === '1' && o.params.PlanId === PLAN_ID);
    if (!body) return '';
    const ids = body.instanceIds || [];
    const rawIds = o.raw?.InstanceIds;
    c.check(`raw InstanceIds is an array of 2 (got ${json(rawIds)})`, Array.isArray(rawIds) && rawIds.length === 2);
    c.check(`2 distinct 32-hex instance ids (got ${json(ids)})`, ids.length === 2 && new Set(ids).size === 2 && ids.every((id) => /^[0-9a-f]{32}$/.test(id)));
    if (ids.length === 2) s.servers = ids;
    return `servers ${json(ids)}`;
  });

  await step('CreateInstancesReplaySameToken', async (c) => {
    c.need({ servers: s.servers });
    const o = await c.call('createInstances', CreateInstancesRequest, createFields(1));
    const body = c.ok(o);
    if (!body) return '';
    c.check(`same ClientToken and parameters give the same InstanceIds (got ${json(body.instanceIds)}, first ${json(s.servers)})`, json(body.instanceIds) === json(s.servers));
    return `InstanceIds ${json(body.instanceIds)}`;
  });

  await step('CreateInstancesTokenMismatch', async (c) => {
    c.need({ servers: s.servers });
    const o = await c.call('createInstances', CreateInstancesRequest, createFields(3));
    c.check(`same ClientToken with Period=3 sent (got ${describeParams(o.params)})`, o.params.ClientToken === tag('create') && o.params.Period === '3');
    c.err(o, 400, 'IdempotentParameterMismatch');
  });

  await step('WaitInstancesRunning', async (c) => {
    c.need({ servers: s.servers });
    const seen = [];
    const done = await c.poll('both servers Running', async () => {
      const o = await c.call('listInstanceStatus', ListInstanceStatusRequest, { regionId: REGION, instanceIds: json(s.servers) });
      const body = c.ok(o);
      if (!body) return 'error';
      const st = body.instanceStatuses || [];
      const states = s.servers.map((id) => st.find((x) => x.instanceId === id)?.status);
      const line = states.join('/');
      if (seen[seen.length - 1] !== line) seen.push(line);
      return states.every((x) => x === 'Running');
    });
    c.check(`only Pending or Running seen (${seen.join(' -> ')})`, seen.every((l) => l.split('/').every((x) => x === 'Pending' || x === 'Running')));
    s.running = done;
    return `statuses seen: ${seen.join(' -> ')}`;
  });

  await step('ListInstances', async (c) => {
    c.need({ servers: s.servers });
    const o = await c.call('listInstances', ListInstancesRequest, { regionId: REGION, instanceIds: json(s.servers) });
    const body = c.ok(o);
    if (!body) return '';
    c.check(`raw TotalCount is the number 2 (got ${json(o.raw?.TotalCount)})`, o.raw?.TotalCount === 2);
    const insts = body.instances || [];
    for (const id of s.servers) {
      const i = insts.find((x) => x.instanceId === id);
      c.check(`${id}: listed, Running, ImageId ${s.imageId}, Image.ImageType system (got ${i?.status}, ${i?.imageId}, ${i?.image?.imageType})`,
        i && i.status === 'Running' && i.imageId === s.imageId && i.image?.imageType === 'system');
    }
    return `TotalCount ${json(o.raw?.TotalCount)}`;
  });

  await step('ListDisksSystem', async (c) => {
    c.need({ servers: s.servers });
    const o = await c.call('listDisks', ListDisksRequest, { regionId: REGION, instanceId: s.servers[0], diskType: 'system' });
    const body = c.ok(o);
    if (!body) return '';
    const disks = body.disks || [];
    c.check(`exactly one system disk (got ${disks.length})`, disks.length === 1);
    c.check(`disk belongs to server 1 and is a system disk (got ${disks[0]?.instanceId}, ${disks[0]?.diskType})`, disks[0]?.instanceId === s.servers[0] && disks[0]?.diskType === 'System');
    c.check('DiskId present', typeof disks[0]?.diskId === 'string' && disks[0].diskId.length > 0);
    s.diskId = disks[0]?.diskId;
    return `system disk ${s.diskId}`;
  });

  await step('CreateSnapshot', async (c) => {
    c.need({ diskId: s.diskId });
    const o = await c.call('createSnapshot', CreateSnapshotRequest, { regionId: REGION, diskId: s.diskId, snapshotName: tag('snap') });
    const body = c.ok(o);
    if (!body) return '';
    c.check(`SnapshotId starts with s- (got ${body.snapshotId})`, /^s-\w+/.test(body.snapshotId || ''));
    s.snapshotId = body.snapshotId;
    return `snapshot ${s.snapshotId}`;
  });

  const imageFields = (name) => ({
    regionId: REGION, instanceId: s.servers[0], imageName: name, systemSnapshotId: s.snapshotId, description: `npm story ${mode} ${name}`,
  });

  await step('CreateCustomImageSnapshotNotReady', async (c) => {
    c.need({ snapshotId: s.snapshotId });
    const o = await c.call('createCustomImage', CreateCustomImageRequest, imageFields(tag('early')));
    c.err(o, 400, 'IncorrectSnapshotStatus');
  });

  await step('WaitSnapshotAccomplished', async (c) => {
    c.need({ snapshotId: s.snapshotId });
    const seen = [];
    await c.poll('snapshot accomplished', async () => {
      const o = await c.call('listSnapshots', ListSnapshotsRequest, { regionId: REGION, snapshotIds: json([s.snapshotId]) });
      const body = c.ok(o);
      if (!body) return 'error';
      const snap = (body.snapshots || []).find((x) => x.snapshotId === s.snapshotId);
      if (seen[seen.length - 1] !== snap?.status) seen.push(snap?.status);
      return snap?.status === 'accomplished';
    });
    c.check(`only progressing or accomplished seen (${seen.join(' -> ')})`, seen.every((x) => x === 'progressing' || x === 'accomplished'));
    return `statuses seen: ${seen.join(' -> ')}`;
  });

  await step('CreateCustomImages', async (c) => {
    c.need({ snapshotId: s.snapshotId, servers: s.servers });
    const ids = {};
    for (const k of ['A', 'B', 'C']) {
      const o = await c.call('createCustomImage', CreateCustomImageRequest, imageFields(tag(`image-${k}`)));
      const body = c.ok(o);
      if (body) {
        c.check(`image ${k}: ImageId starts with m- (got ${body.imageId})`, /^m-\w+/.test(body.imageId || ''));
        ids[k] = body.imageId;
      }
    }
    c.check(`3 distinct image ids (got ${json(ids)})`, Object.keys(ids).length === 3 && new Set(Object.values(ids)).size === 3);
    if (Object.keys(ids).length === 3) s.images = ids;
    return `images ${json(ids)}`;
  });

  const allImageIds = () => [s.images.A, s.images.B, s.images.C];

  await step('WaitCustomImagesAvailable', async (c) => {
    c.need({ images: s.images });
    const seen = [];
    let last;
    await c.poll('all 3 images Status "1"', async () => {
      const o = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json(allImageIds()) });
      const body = c.ok(o);
      if (!body) return 'error';
      last = o;
      const raw = rawCustomImages(o);
      const states = allImageIds().map((id) => json(raw.find((x) => x.ImageId === id)?.Status));
      const line = states.join('/');
      if (seen[seen.length - 1] !== line) seen.push(line);
      return raw.length === 3 && allImageIds().every((id) => raw.find((x) => x.ImageId === id)?.Status === '1');
    });
    c.check(`only Status "4" (creating) or "1" (available) seen (${seen.join(' -> ')})`, seen.every((l) => l.split('/').every((x) => x === '"4"' || x === '"1"')));
    if (last) {
      const r = last.raw || {};
      c.check(`raw TotalCount/PageNumber/PageSize are strings (got ${json(r.TotalCount)}, ${json(r.PageNumber)}, ${json(r.PageSize)})`,
        typeof r.TotalCount === 'string' && typeof r.PageNumber === 'string' && typeof r.PageSize === 'string');
      c.check(`raw TotalCount is "3" (got ${json(r.TotalCount)})`, r.TotalCount === '3');
      for (const img of rawCustomImages(last)) {
        c.check(`${img.ImageId}: raw InShare and InShareUser are false booleans (got ${json(img.InShare)}, ${json(img.InShareUser)})`, img.InShare === false && img.InShareUser === false);
        c.check(`${img.ImageId}: made from server 1 with the snapshot (got ${img.InstanceId}, ${img.SystemSnapshotId})`, img.InstanceId === s.servers[0] && img.SystemSnapshotId === s.snapshotId);
      }
    }
    return `Status seen (A/B/C): ${seen.join(' -> ')}`;
  });

  const tagKey = `story-${RUN_ID}-${mode}`;
  const tagValue = 'lifecycle';

  await step('TagResourcesCustomImage', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('tagResources', TagResourcesRequest, {
      regionId: REGION, resourceType: 'customimage', resourceId: [s.images.C], tag: [new TagResourcesRequestTag({ key: tagKey, value: tagValue })],
    });
    c.ok(o);
    const p = o.params;
    c.check(`ResourceId.1, Tag.1.Key, Tag.1.Value on the wire (got ${describeParams(p)})`, p['ResourceId.1'] === s.images.C && p['Tag.1.Key'] === tagKey && p['Tag.1.Value'] === tagValue && p.ResourceType === 'customimage');
    return `tagged image C ${s.images.C} with ${tagKey}=${tagValue}`;
  });

  await step('ListCustomImagesByTag', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('listCustomImages', ListCustomImagesRequest, {
      regionId: REGION, tag: [new ListCustomImagesRequestTag({ key: tagKey, value: tagValue })],
    });
    const body = c.ok(o);
    c.check(`Tag.1.Key and Tag.1.Value on the wire (got ${describeParams(o.params)})`, o.params['Tag.1.Key'] === tagKey && o.params['Tag.1.Value'] === tagValue);
    if (!body) return '';
    const ids = (body.customImages || []).map((x) => x.imageId);
    c.check(`only image C returned (got ${json(ids)})`, ids.length === 1 && ids[0] === s.images.C);
    c.check(`raw TotalCount is "1" (got ${json(o.raw?.TotalCount)})`, o.raw?.TotalCount === '1');
    const tags = (body.customImages || [])[0]?.tags || [];
    c.check(`image C lists the tag (got ${json(tags)})`, tags.some((t) => t.key === tagKey && t.value === tagValue));
    return `returned ${json(ids)}`;
  });

  await step('ListTagResources', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('listTagResources', ListTagResourcesRequest, { regionId: REGION, resourceType: 'customimage', resourceId: [s.images.C] });
    const body = c.ok(o);
    if (!body) return '';
    const trs = body.tagResources?.tagResource || [];
    c.check(`TagResources.TagResource has ${s.images.C} customimage ${tagKey}=${tagValue} (got ${json(trs)})`,
      trs.some((t) => t.resourceId === s.images.C && t.resourceType === 'customimage' && t.tagKey === tagKey && t.tagValue === tagValue));
    c.check(`only image C's tags returned (got ${json(trs.map((t) => t.resourceId))})`, trs.length > 0 && trs.every((t) => t.resourceId === s.images.C));
    return `${trs.length} tag resource(s), NextToken ${json(body.nextToken)}`;
  });

  await step('ShareImageAToEcs', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('modifyImageShareStatus', ModifyImageShareStatusRequest, { regionId: REGION, imageId: s.images.A, operation: 'Share' });
    c.ok(o);
  });

  await step('ModifyImageShareStatusBadOperation', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('modifyImageShareStatus', ModifyImageShareStatusRequest, { regionId: REGION, imageId: s.images.C, operation: 'Publish' });
    c.err(o, 400, 'InvalidParam.OperationIllegal');
  });

  await step('ShareImageBWithAccount', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('addCustomImageShareAccount', AddCustomImageShareAccountRequest, { regionId: REGION, imageId: s.images.B, account: [SHARE_ACCOUNT] });
    c.ok(o);
    c.check(`Account.1=${SHARE_ACCOUNT} on the wire (got ${describeParams(o.params)})`, o.params['Account.1'] === String(SHARE_ACCOUNT));
  });

  await step('ListCustomImageShareAccounts', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('listCustomImageShareAccounts', ListCustomImageShareAccountsRequest, { regionId: REGION, imageId: s.images.B });
    const body = c.ok(o);
    if (!body) return '';
    const raw = o.raw || {};
    const users = Array.isArray(raw.ImageShareUsers) ? raw.ImageShareUsers : [];
    c.check(`raw ImageShareUsers is exactly [${SHARE_ACCOUNT}] (got ${json(users.map((u) => u.UserId))})`, users.length === 1 && users[0].UserId === SHARE_ACCOUNT);
    c.check(`raw UserId is a number (got ${typeof users[0]?.UserId})`, typeof users[0]?.UserId === 'number');
    c.check(`SharedTime is "yyyy-MM-dd HH:mm:ss.S" (got ${json(users[0]?.SharedTime)})`, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{1,3}$/.test(users[0]?.SharedTime || ''));
    c.check(`raw TotalCount is the number 1 (got ${json(raw.TotalCount)})`, raw.TotalCount === 1);
    c.check(`typed body agrees (got ${json(body.imageShareUsers)})`, (body.imageShareUsers || []).length === 1 && body.imageShareUsers[0].userId === SHARE_ACCOUNT);
    return `ImageShareUsers ${json(users)}`;
  });

  await step('ShareFlags', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json(allImageIds()) });
    if (!c.ok(o)) return '';
    const raw = rawCustomImages(o);
    const want = { A: [true, false], B: [false, true], C: [false, false] };
    for (const [k, [inShare, inShareUser]] of Object.entries(want)) {
      const img = raw.find((x) => x.ImageId === s.images[k]);
      c.check(`${k}: InShare=${inShare} InShareUser=${inShareUser} (got ${json(img?.InShare)} ${json(img?.InShareUser)})`, img && img.InShare === inShare && img.InShareUser === inShareUser);
    }
    return raw.map((x) => `${x.ImageId} InShare=${x.InShare} InShareUser=${x.InShareUser}`).join(', ');
  });

  // After a failed delete: the listed images must all still exist.
  const stillThere = async (c, which) => {
    const ids = which.map((k) => s.images[k]);
    const o = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json(ids) });
    if (!c.ok(o)) return;
    const got = rawCustomImages(o).map((x) => x.ImageId);
    c.check(`${which.join(', ')} still listed (got ${json(got)})`, ids.every((id) => got.includes(id)));
  };

  await step('DeleteCustomImagesInShare', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.C, s.images.A]) });
    const data = c.err(o, 400, 'CustomImageInShare');
    if (data) c.check(`raw Message is exactly ${json(IN_SHARE_MESSAGE)} (got ${json(data.Message)})`, data.Message === IN_SHARE_MESSAGE);
    await stillThere(c, ['C', 'A']);
  });

  await step('DeleteCustomImagesUnknownId', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.C, UNKNOWN_IMAGE]) });
    c.err(o, 404, 'InvalidImageId.NotFound');
    await stillThere(c, ['C']);
  });

  await step('DeleteCustomImagesEmptyList', async (c) => {
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: '[]' });
    c.check(`ImageIds=[] on the wire (got ${json(o.params.ImageIds)})`, o.params.ImageIds === '[]');
    c.err(o, 400, 'InvalidParameter');
  });

  await step('UnshareImageAFromEcs', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('modifyImageShareStatus', ModifyImageShareStatusRequest, { regionId: REGION, imageId: s.images.A, operation: 'UnShare' });
    c.ok(o);
  });

  await step('UnshareImageBFromAccount', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('removeCustomImageShareAccount', RemoveCustomImageShareAccountRequest, { regionId: REGION, imageId: s.images.B, account: [SHARE_ACCOUNT] });
    c.ok(o);
    c.check(`Account.1=${SHARE_ACCOUNT} on the wire (got ${describeParams(o.params)})`, o.params['Account.1'] === String(SHARE_ACCOUNT));
    const l = await c.call('listCustomImageShareAccounts', ListCustomImageShareAccountsRequest, { regionId: REGION, imageId: s.images.B });
    if (c.ok(l)) {
      const users = l.raw?.ImageShareUsers;
      c.check(`no share accounts left (got ImageShareUsers ${json(users)}, TotalCount ${json(l.raw?.TotalCount)})`, (users === undefined || (Array.isArray(users) && users.length === 0)) && l.raw?.TotalCount === 0);
    }
  });

  await step('ShareFlagsCleared', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json(allImageIds()) });
    if (!c.ok(o)) return '';
    const raw = rawCustomImages(o);
    c.check(`3 images listed (got ${raw.length})`, raw.length === 3);
    for (const img of raw) {
      c.check(`${img.ImageId}: InShare=false InShareUser=false (got ${json(img.InShare)} ${json(img.InShareUser)})`, img.InShare === false && img.InShareUser === false);
    }
  });

  const deleteToken = tag('delete');

  await step('DeleteCustomImagesWithToken', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.A, s.images.B]), clientToken: deleteToken });
    c.ok(o);
    c.check(`ClientToken on the wire (got ${json(o.params.ClientToken)})`, o.params.ClientToken === deleteToken);
    const l = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json(allImageIds()) });
    if (c.ok(l)) {
      const got = rawCustomImages(l).map((x) => x.ImageId);
      c.check(`only C remains of A, B, C (got ${json(got)})`, got.length === 1 && got[0] === s.images.C);
      c.check(`raw TotalCount is "1" (got ${json(l.raw?.TotalCount)})`, l.raw?.TotalCount === '1');
    }
  });

  await step('DeleteCustomImagesReplaySameToken', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.A, s.images.B]), clientToken: deleteToken });
    c.ok(o);
  });

  await step('DeleteCustomImagesTokenMismatch', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.C]), clientToken: deleteToken });
    c.err(o, 400, 'IdempotentParameterMismatch');
    await stillThere(c, ['C']);
  });

  await step('DeleteCustomImagesAlreadyDeleted', async (c) => {
    c.need({ images: s.images });
    const o = await c.call('deleteCustomImages', DeleteCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.A]) });
    c.check(`no ClientToken on the wire (got ${json(o.params.ClientToken)})`, o.params.ClientToken === undefined);
    c.err(o, 404, 'InvalidImageId.NotFound');
  });

  await step('ResetSystemDeletedImage', async (c) => {
    c.need({ images: s.images, servers: s.servers });
    const o = await c.call('resetSystem', ResetSystemRequest, { regionId: REGION, instanceId: s.servers[1], imageId: s.images.A });
    c.err(o, 404, 'InvalidImageId.NotFound');
  });

  await step('ResetSystemCustomImage', async (c) => {
    c.need({ images: s.images, servers: s.servers });
    const o = await c.call('resetSystem', ResetSystemRequest, { regionId: REGION, instanceId: s.servers[1], imageId: s.images.C });
    if (!c.ok(o)) return '';
    s.resetStarted = true;
    const st = await c.call('listInstanceStatus', ListInstanceStatusRequest, { regionId: REGION, instanceIds: json([s.servers[1]]) });
    const body = c.ok(st);
    const status = body?.instanceStatuses?.[0]?.status;
    c.check(`server 2 is Resetting right after ResetSystem (got ${status})`, status === 'Resetting');
    return `server 2 status ${status}`;
  });

  await step('StopInstanceWhileResetting', async (c) => {
    c.need({ resetStarted: s.resetStarted });
    const o = await c.call('stopInstance', StopInstanceRequest, { regionId: REGION, instanceId: s.servers[1] });
    c.err(o, 403, 'IncorrectInstanceStatus');
  });

  await step('WaitResetRunning', async (c) => {
    c.need({ resetStarted: s.resetStarted });
    const seen = [];
    await c.poll('server 2 Running', async () => {
      const o = await c.call('listInstanceStatus', ListInstanceStatusRequest, { regionId: REGION, instanceIds: json([s.servers[1]]) });
      const body = c.ok(o);
      if (!body) return 'error';
      const status = body.instanceStatuses?.[0]?.status;
      if (seen[seen.length - 1] !== status) seen.push(status);
      return status === 'Running';
    });
    c.check(`only Resetting or Running seen (${seen.join(' -> ')})`, seen.every((x) => x === 'Resetting' || x === 'Running'));
    return `statuses seen: ${seen.join(' -> ')}`;
  });

  await step('ListInstancesAfterReset', async (c) => {
    c.need({ resetStarted: s.resetStarted });
    const o = await c.call('listInstances', ListInstancesRequest, { regionId: REGION, instanceIds: json([s.servers[1]]) });
    const body = c.ok(o);
    if (!body) return '';
    const i = (body.instances || [])[0];
    c.check(`server 2 listed (got ${i?.instanceId})`, i?.instanceId === s.servers[1]);
    c.check(`ImageId is image C ${s.images.C} (got ${i?.imageId})`, i?.imageId === s.images.C);
    c.check(`Image.ImageType is "custom" (got ${json(i?.image?.imageType)})`, i?.image?.imageType === 'custom');
    c.check(`Status Running (got ${i?.status})`, i?.status === 'Running');
    return `ImageId ${i?.imageId}, Image.ImageType ${i?.image?.imageType}`;
  });

  await step('CustomImageCreateInstances', async (c) => {
    c.need({ resetStarted: s.resetStarted });
    const o = await c.call('listCustomImages', ListCustomImagesRequest, { regionId: REGION, imageIds: json([s.images.C]) });
    if (!c.ok(o)) return '';
    const img = rawCustomImages(o).find((x) => x.ImageId === s.images.C);
    const ci = img?.CreateInstances;
    c.check(`image C's CreateInstances is an array containing server 2 (got ${json(ci)})`, Array.isArray(ci) && ci.includes(s.servers[1]));
    return `CreateInstances ${json(ci)}`;
  });

  await step('ResetSystemImageFromSameServer', async (c) => {
    c.need({ images: s.images, servers: s.servers });
    const o = await c.call('resetSystem', ResetSystemRequest, { regionId: REGION, instanceId: s.servers[0], imageId: s.images.C });
    c.err(o, 400, 'InvalidImageId.NotSupported');
  });
}

async function main() {
  const tap = await startTap(ENDPOINT);
  const results = [];
  for (const mode of ['v3', 'v1']) {
    await story({ mode, tap, results, client: makeClient(mode, tap.endpoint) });
  }
  tap.close();
  if (process.env.SWASD_WIRE_LOG) writeWireLog(tap, process.env.SWASD_WIRE_LOG, scrub);
  const allOk = results.length > 0 && results.every((r) => r.ok);
  emit({ results }, allOk ? 0 : 1);
}
