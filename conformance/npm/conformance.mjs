// Conformance harness: drives swasd with the official npm client
// @alicloud/swas-open20200601@4.0.0 (on @alicloud/openapi-core) in both
// signing modes and prints one JSON document with the outcome of each case.
//
// Env: SWASD_ENDPOINT (host:port), SWASD_ACCESS_KEY_ID, SWASD_ACCESS_KEY_SECRET,
//      SWASD_REGION (default cn-hangzhou),
//      SWASD_DIRECT=1 to talk to the server directly instead of through the
//      in-process recording tap (the wire checks are then skipped),
//      SWASD_WIRE_LOG=/path/file.json to save what the tap saw (Authorization
//      and Signature redacted).
// Exit: 0 only when every case is ok, 1 otherwise.

import { startTap, wireParams, writeWireLog } from './tap.mjs';
import * as swas from '@alicloud/swas-open20200601';
import { $OpenApiUtil } from '@alicloud/openapi-core';

const { ListRegionsRequest, ListPlansRequest, ListImagesRequest } = swas;
// The package is CommonJS with `exports.default = Client`; under Node's ESM
// interop the namespace's `default` is module.exports itself.
const Client = typeof swas.default === 'function' ? swas.default : swas.default.default;

const ENDPOINT = process.env.SWASD_ENDPOINT;
const AK_ID = process.env.SWASD_ACCESS_KEY_ID;
const AK_SECRET = process.env.SWASD_ACCESS_KEY_SECRET;
const REGION = process.env.SWASD_REGION || 'cn-hangzhou';
const DIRECT = process.env.SWASD_DIRECT === '1';

const UNKNOWN_AK_ID = 'LTAINoSuchKeyConformance01';

function emit(doc, code) {
  process.stdout.write(scrub(JSON.stringify(doc, null, 2)) + '\n', () => process.exit(code));
}

// Never let a secret reach stdout, whatever the server or the SDK echoes back.
function scrub(s) {
  let out = String(s);
  for (const secret of [AK_SECRET, AK_SECRET && wrongSecret(AK_SECRET)]) {
    if (secret) out = out.split(secret).join('***');
  }
  return out;
}

function wrongSecret(secret) {
  return `${secret}-wrong`;
}

if (!ENDPOINT || !AK_ID || !AK_SECRET) {
  emit({ results: [], error: 'SWASD_ENDPOINT, SWASD_ACCESS_KEY_ID and SWASD_ACCESS_KEY_SECRET must be set' }, 1);
} else {
  main().catch((e) => emit({ results: [], error: `harness crashed: ${e && e.stack ? e.stack : e}` }, 1));
}




// ---------------------------------------------------------------------------

function makeClient(mode, endpoint, accessKeyId, accessKeySecret) {
  const cfg = {
    accessKeyId,
    accessKeySecret,
    endpoint,
    protocol: 'http',
    regionId: REGION,
    readTimeout: 15000,
    connectTimeout: 5000,
    // No retryOptions: openapi-core only retries when Config.retryOptions is
    // set (RuntimeOptions.autoretry is not consulted); the tap verifies that
    // each case produced exactly one request.
  };
  if (mode === 'v1') cfg.signatureAlgorithm = 'v2'; // legacy RPC HMAC-SHA1 (SignatureVersion 1.0)
  return new Client(new $OpenApiUtil.Config(cfg));
}

function describeError(e) {
  if (!e) return String(e);
  const parts = [`${e.name || 'Error'}`];
  if (e.statusCode !== undefined) parts.push(`statusCode=${e.statusCode}`);
  if (e.code !== undefined) parts.push(`code=${e.code}`);
  if (e.message) parts.push(`message=${JSON.stringify(e.message)}`);
  if (e.data !== undefined) parts.push(`body=${JSON.stringify(e.data)}`);
  return parts.join(' ');
}

async function runCase(ctx, name, fn) {
  const before = ctx.tap ? ctx.tap.log.length : 0;
  const checks = []; // [description, passed]
  let info = '';
  let wireInfo = '';
  let outcome;
  try {
    outcome = { ok: true, value: await fn() };
  } catch (e) {
    outcome = { ok: false, error: e };
  }
  const wire = ctx.tap ? ctx.tap.log.slice(before) : null;
  try {
    info = ctx.cases[name].assert(outcome, checks, wire) || '';
  } catch (e) {
    checks.push([`assertion code threw: ${e.message}`, false]);
  }
  if (wire) {
    checks.push([`exactly one HTTP request on the wire (saw ${wire.length})`, wire.length === 1]);
    if (wire.length >= 1) {
      const w = wire[0];
      const p = wireParams(w);
      checks.push([`Action=${ctx.cases[name].action} on the wire`, p.Action === ctx.cases[name].action || w.headers['x-acs-action'] === ctx.cases[name].action]);
      if (ctx.mode === 'v3') {
        const auth = w.headers.authorization || '';
        checks.push(['signed with ACS3-HMAC-SHA256 Authorization header', auth.startsWith('ACS3-HMAC-SHA256 ') && p.Signature === undefined]);
      } else {
        checks.push(['signed with RPC SignatureMethod=HMAC-SHA1/SignatureVersion=1.0', p.SignatureMethod === 'HMAC-SHA1' && p.SignatureVersion === '1.0' && typeof p.Signature === 'string' && !w.headers.authorization]);
      }
      wireInfo = `wire: ${w.method} ${describeParams(p)} -> ${w.status}`;
    }
  } else {
    wireInfo = 'wire: not checked (SWASD_DIRECT=1)';
  }
  const failed = checks.filter(([, ok]) => !ok).map(([d]) => d);
  const ok = checks.length > 0 && failed.length === 0;
  const detail = [ok ? 'ok' : `FAILED: ${failed.join('; ')}`, info, wireInfo].filter((x) => x).join(' | ');
  return { mode: ctx.mode, case: name, ok, detail: scrub(detail) };
}

// Parameters worth showing (no signature material).
function describeParams(p) {
  const hide = new Set(['Signature', 'SignatureNonce', 'Timestamp', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'Format', 'Version']);
  const shown = Object.entries(p).filter(([k]) => !hide.has(k)).map(([k, v]) => `${k}=${v}`);
  return shown.length ? shown.join('&') : '(no params)';
}

function expectSuccess(outcome, checks) {
  checks.push([outcome.ok ? 'call succeeded' : `expected success, got ${describeError(outcome.error)}`, outcome.ok]);
  if (!outcome.ok) return null;
  const r = outcome.value;
  checks.push([`HTTP 200 (got ${r.statusCode})`, r.statusCode === 200]);
  const body = r.body || {};
  checks.push(['RequestId present', typeof body.requestId === 'string' && body.requestId.length > 0]);
  return body;
}

function expectError(outcome, checks, status, code) {
  if (outcome.ok) {
    checks.push([`expected error ${status} ${code}, but the call succeeded (RequestId=${outcome.value?.body?.requestId})`, false]);
    return '';
  }
  const e = outcome.error;
  checks.push([`statusCode ${status} (got ${e.statusCode})`, e.statusCode === status]);
  checks.push([`code ${code} (got ${e.code})`, e.code === code]);
  const bodyCode = e.data && (e.data.Code ?? e.data.code);
  checks.push([`raw body Code ${code} (got ${bodyCode})`, bodyCode === code]);
  const rid = e.data && (e.data.RequestId ?? e.data.requestId);
  checks.push(['raw body RequestId present', typeof rid === 'string' && rid.length > 0]);
  return `error statusCode=${e.statusCode} code=${e.code} RequestId=${rid}`;
}

function caseTable(mode) {
  return {
    ListRegions: {
      action: 'ListRegions',
      run: (c) => c.good.listRegions(new ListRegionsRequest({ acceptLanguage: 'en-US' })),
      assert: (o, checks, wire) => {
        const body = expectSuccess(o, checks);
        if (!body) return '';
        const regions = Array.isArray(body.regions) ? body.regions : [];
        const hz = regions.find((r) => r.regionId === 'cn-hangzhou');
        checks.push(['Regions contains cn-hangzhou', !!hz]);
        checks.push([`cn-hangzhou LocalName is "China (Hangzhou)" (got ${JSON.stringify(hz?.localName)})`, hz?.localName === 'China (Hangzhou)']);
        if (wire && wire[0]) checks.push(['AcceptLanguage=en-US on the wire', wireParams(wire[0]).AcceptLanguage === 'en-US']);
        return `RequestId=${body.requestId} regions=${regions.length} cn-hangzhou.LocalName=${JSON.stringify(hz?.localName)}`;
      },
    },
    ListPlans: {
      action: 'ListPlans',
      run: (c) => c.good.listPlans(new ListPlansRequest({ regionId: REGION })),
      assert: (o, checks, wire) => {
        const body = expectSuccess(o, checks);
        if (!body) return '';
        const plans = Array.isArray(body.plans) ? body.plans : [];
        checks.push([`number of plans > 0 (got ${plans.length})`, plans.length > 0]);
        checks.push(['every plan has a PlanId', plans.every((p) => typeof p.planId === 'string' && p.planId.length > 0)]);
        if (wire && wire[0]) checks.push([`RegionId=${REGION} on the wire`, wireParams(wire[0]).RegionId === REGION]);
        return `RequestId=${body.requestId} plans=${plans.length}`;
      },
    },
    ListImages: {
      action: 'ListImages',
      run: (c) => c.good.listImages(new ListImagesRequest({ regionId: REGION, imageType: 'system' })),
      assert: (o, checks, wire) => {
        const body = expectSuccess(o, checks);
        if (!body) return '';
        const images = Array.isArray(body.images) ? body.images : [];
        checks.push([`at least one image (got ${images.length})`, images.length > 0]);
        const bad = images.filter((i) => i.imageType !== 'system');
        checks.push([`every image has ImageType system (non-system: ${bad.map((i) => `${i.imageId}:${i.imageType}`).join(',') || 'none'})`, bad.length === 0]);
        if (wire && wire[0]) {
          const p = wireParams(wire[0]);
          checks.push(['RegionId and ImageType=system on the wire', p.RegionId === REGION && p.ImageType === 'system']);
        }
        return `RequestId=${body.requestId} images=${images.length}`;
      },
    },
    WrongSecret: {
      action: 'ListRegions',
      run: (c) => c.wrongSecret.listRegions(new ListRegionsRequest({ acceptLanguage: 'en-US' })),
      assert: (o, checks) => expectError(o, checks, 400, 'SignatureDoesNotMatch'),
    },
    UnknownAccessKeyId: {
      action: 'ListRegions',
      run: (c) => c.unknownKey.listRegions(new ListRegionsRequest({ acceptLanguage: 'en-US' })),
      assert: (o, checks) => expectError(o, checks, 404, 'InvalidAccessKeyId.NotFound'),
    },
    ListPlansWithoutRegionId: {
      action: 'ListPlans',
      // Config.regionId is set (to REGION); the SDK only puts the request
      // field on the wire, which the tap verifies below. The server takes its
      // default region, as the gateway takes the endpoint's.
      run: (c) => c.good.listPlans(new ListPlansRequest({})),
      assert: (o, checks, wire) => {
        if (wire && wire[0]) {
          const p = wireParams(wire[0]);
          checks.push([`no RegionId sent (got ${JSON.stringify(p.RegionId)})`, p.RegionId === undefined]);
        }
        const body = expectSuccess(o, checks);
        checks.push(['plans listed for the default region', (body?.plans || []).length > 3]);
        return body;
      },
    },
  };
}

async function main() {
  const tap = DIRECT ? null : await startTap(ENDPOINT);
  const endpoint = tap ? tap.endpoint : ENDPOINT;
  const results = [];
  for (const mode of ['v3', 'v1']) {
    const cases = caseTable(mode);
    const clients = {
      good: makeClient(mode, endpoint, AK_ID, AK_SECRET),
      wrongSecret: makeClient(mode, endpoint, AK_ID, wrongSecret(AK_SECRET)),
      unknownKey: makeClient(mode, endpoint, UNKNOWN_AK_ID, AK_SECRET),
    };
    const ctx = { mode, tap, cases };
    for (const name of Object.keys(cases)) {
      results.push(await runCase(ctx, name, () => cases[name].run(clients)));
    }
  }
  if (tap) {
    tap.close();
    if (process.env.SWASD_WIRE_LOG) writeWireLog(tap, process.env.SWASD_WIRE_LOG, scrub);
  }
  const allOk = results.length > 0 && results.every((r) => r.ok);
  emit({ results }, allOk ? 0 : 1);
}
