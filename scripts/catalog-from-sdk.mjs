#!/usr/bin/env node
// Regenerates a catalog of src/main/resources/catalog/ from the published code of an Alibaba Cloud
// TypeScript SDK: swas-open-2020-06-01.json from @alicloud/swas-open20200601 4.0.0 (the version
// conformance/npm pins), and ecs-2014-05-26.json (DescribeImages only) from @alicloud/ecs20140526
// 7.11.6. ram-2015-05-01.json is not made this way (see PRODUCTS).
//
//   (cd conformance/npm && npm ci)               # once: installs the swas-open SDK
//   node scripts/catalog-from-sdk.mjs            # writes the swas-open catalog
//   node scripts/catalog-from-sdk.mjs --check    # exit 0 if the checked-in file is, byte for byte,
//                                                # what the SDK gives; 1 and a diff otherwise
//   node scripts/catalog-from-sdk.mjs --product ecs --sdk DIR [--check]
//                                                # DIR: an installed @alicloud/ecs20140526@7.11.6
//
// Options: --product swas-open|ecs (default swas-open); --sdk DIR (the SDK package directory;
// default conformance/npm/node_modules/<package>); --out FILE (write or check another file).
// Exit codes: 0 ok, 1 --check found a difference, 2 usage or no SDK, 3 SDK code not understood,
// 4 an override no longer applies.
//
// What comes from where (docs/catalog-generation.md says the same for readers of the catalogs):
//   dist/client.js   *WithOptions methods: action, version, method, style, pathname, reqBodyType,
//                    bodyType of each call; which fields go to the query (all of them: no body);
//                    which arrays/maps the SDK "shrinks" to one string (encoding json or simple;
//                    other arrays are repeatList Name.N, objects flattened Name.Key);
//                    models' names() (wire names) and types() at run time.
//   dist/client.d.ts JSDoc of every model property (or dist/models/*.d.ts where the SDK has them):
//                    @example, "This parameter is required.", and the @remarks prose that the
//                    RULES below read limits from.
//   OVERRIDES        scripts/catalog-from-sdk.overrides.mjs: the few values where the checked-in
//                    catalog differs from what the rules give, each with its reason.
//
// RULES (remarks prose -> catalog key). Limits are read for top-level request parameters only
// (not for item fields, not for responses); enums everywhere.
//   required         "This parameter is required."
//   example          @example, dropped when longer than 100 characters (long keys, prose)
//   jsonArrayString  an SDK string (not shrunk) whose example starts with "[": JSON array text
//   default          "Default value: X" (X without a final period; "empty" is no default)
//   min, max         "Minimum value: N", "Maximum value: N"
//   enum             the top-level "*   value" / "- value" bullets, optionally followed by ": meaning",
//                    right after "Valid values:" (blank lines and indented sub-bullets skipped; "**"
//                    and "\" removed; a "(default)" note and a final period dropped; a bullet with no
//                    ":" that is a sentence ending in "." is prose, not a value); the first other line
//                    ends the list
//   minLength/maxLength "N to M characters", else "up to M characters" / "cannot exceed M characters"
//   maxItems         "up to N <not characters/bytes>" (e.g. "a JSON array that consists of up to
//                    100 IDs", "You can specify up to 20 tags")
// The rules are read off the checked-in catalogs, quirks included: they give CreateCommand's
// CommandContent (a string) maxItems 20 from "You can specify up to 20 custom parameters".
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { OVERRIDES } from './catalog-from-sdk.overrides.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const COMMON_NOTES = [
  'All actions are RPC style; every request parameter is sent as a query/form parameter (no JSON request bodies).',
  'encoding=json: array is serialised to a JSON string under one parameter name; encoding=simple: comma-joined string; encoding=repeatList: Name.1, Name.2 ... (object items: Name.1.Key, Name.1.Value).',
  'jsonArrayString=true: SDK type is a plain string but the value is a JSON array text, e.g. ["m-xxx","m-yyy"].',
  'required is true only where the SDK marks the field as required; false means optional or not marked.',
  'Response trees list the JSON body fields (RequestId etc.); types are SDK types (number may be integer or long; some counters are strings).',
  'Common RPC parameters (Action, Version, Format, AccessKeyId, Signature*, Timestamp, SignatureNonce) are not listed per action.',
];

// --product NAME. `version` is the SDK version the checked-in catalog was made from (a different
// one is used if given, with a warning: the source line and probably the content then change);
// `actions`, if set, is the subset of the SDK's actions the catalog keeps.
// ram-2015-05-01.json is not here: its required flags, enums and limits come from the RAM API
// reference pages, not from the SDK (see its notes and docs/catalog-generation.md).
const PRODUCTS = {
  'swas-open': {
    package: '@alicloud/swas-open20200601',
    version: '4.0.0',
    catalog: 'src/main/resources/catalog/swas-open-2020-06-01.json',
    source: (name, version) => `derived from ${name} v${version} (TypeScript SDK) model classes and *WithOptions methods`,
    notes: COMMON_NOTES,
  },
  ecs: {
    package: '@alicloud/ecs20140526',
    version: '7.11.6',
    catalog: 'src/main/resources/catalog/ecs-2014-05-26.json',
    actions: ['DescribeImages'],
    // RAM's access level of each action, which the SDK does not carry (ram-api.md 3.5); swas-open's
    // come from swas-open-ram.json instead
    accessLevels: { DescribeImages: 'get' },
    source: (name, version) => `derived from ${name} v${version} (TypeScript SDK) model classes (src/models) and *WithOptions methods (src/client.ts)`,
    notes: [
      ...COMMON_NOTES,
      'ECS responses wrap every list in an object named after the list, holding an array named after the item: {"Images":{"Image":[...]}}, {"Tags":{"Tag":[...]}}, {"DiskDeviceMappings":{"DiskDeviceMapping":[...]}}. Clients expect that nesting even for empty lists.',
    ],
  },
};
let PRODUCT;

// Key order of catalog entries (JSON objects keep insertion order).
const ACTION_KEYS = ['action', 'accessLevel', 'version', 'method', 'style', 'pathname', 'reqBodyType', 'bodyType', 'request', 'response'];
const PARAM_KEYS = ['name', 'type', 'in', 'required', 'jsonArrayString', 'encoding', 'itemType', 'wireKeys', 'itemFields',
  'fields', 'items', 'example', 'default', 'min', 'max', 'enum', 'maxItems', 'minLength', 'maxLength'];
const MAX_EXAMPLE = 100;

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const a = { check: false, sdk: null, out: null, product: 'swas-open' };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i];
    if (x === '--check') a.check = true;
    else if (x === '--sdk') a.sdk = argv[++i];
    else if (x === '--out') a.out = argv[++i];
    else if (x === '--product') a.product = argv[++i];
    else if (x === '-h' || x === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]); process.exit(0); }
    else fail(2, `unknown argument ${x} (use --check, --product NAME, --sdk DIR, --out FILE)`);
  }
  if (!PRODUCTS[a.product]) fail(2, `unknown product ${a.product} (one of ${Object.keys(PRODUCTS).join(', ')})`);
  return a;
}

function fail(code, msg) {
  process.stderr.write('catalog-from-sdk: ' + msg + '\n');
  process.exit(code);
}

// ---------------------------------------------------------------- reading the SDK

function loadSdk(dir) {
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) {
    fail(2, `no SDK at ${dir}: conformance/npm installs @alicloud/swas-open20200601 (cd conformance/npm && npm ci); `
      + `for another, npm install --prefix /tmp/sdk ${PRODUCT.package}@${PRODUCT.version} and pass `
      + `--sdk /tmp/sdk/node_modules/${PRODUCT.package}`);
  }
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  if (pkg.name !== PRODUCT.package) fail(2, `${dir} holds ${pkg.name}, not ${PRODUCT.package}`);
  if (pkg.version !== PRODUCT.version) {
    process.stderr.write(`catalog-from-sdk: warning: ${dir} is ${pkg.name} ${pkg.version}; the catalog is made from ${PRODUCT.version}\n`);
  }
  const main = path.join(dir, pkg.main);
  const require = createRequire(pkgFile);
  // Model JSDoc: some SDKs declare every model in client.d.ts, others use one dist/models/X.d.ts per
  // request/response class, holding its nested classes too (XTag, XFilter...): read on demand.
  const docs = parseDocs(fs.readFileSync(main.replace(/\.js$/, '.d.ts'), 'utf8'));
  const modelDir = path.join(path.dirname(main), 'models');
  const docsOf = (cls) => {
    for (let n = cls; !(cls in docs) && n; n = n.replace(/[A-Z][a-z0-9]*$/, '')) {
      const f = path.join(modelDir, n + '.d.ts');
      if (fs.existsSync(f)) Object.assign(docs, parseDocs(fs.readFileSync(f, 'utf8')));
    }
    return docs[cls];
  };
  return { name: pkg.name, version: pkg.version, models: require(main), js: fs.readFileSync(main, 'utf8'), docsOf };
}

// class name -> property -> { remarks, example, ... } from the JSDoc blocks of a .d.ts file
function parseDocs(text) {
  const docs = {};
  let cls = null, inDoc = false, buf = [], pending = null;
  for (const line of text.split('\n')) {
    let m;
    if ((m = /^export declare class (\w+) extends \$dara\.Model \{/.exec(line))) { cls = m[1]; docs[cls] = {}; continue; }
    if (cls === null) continue;
    if (line === '}') { cls = null; continue; }
    if (line === '    /**') { inDoc = true; buf = []; continue; }
    if (inDoc) {
      if (line === '     */') { inDoc = false; pending = buf; }
      else buf.push(line.replace(/^     \*( |$)/, ''));
      continue;
    }
    if ((m = /^    (\w+)\??: /.exec(line))) {
      if (pending) docs[cls][m[1]] = jsdocTags(pending);
      pending = null;
    } else if (line.startsWith('    static ')) pending = null;
  }
  return docs;
}

function jsdocTags(lines) {
  const parts = { intro: [] };
  let tag = 'intro';
  for (const l of lines) {
    const m = /^@(\w+)\s*(.*)$/.exec(l);
    if (m) { tag = m[1]; parts[tag] = m[2] ? [m[2]] : []; } else parts[tag].push(l);
  }
  const out = {};
  for (const [k, v] of Object.entries(parts)) {
    while (v.length && v[v.length - 1].trim() === '') v.pop();
    while (v.length && v[0].trim() === '') v.shift();
    out[k] = v.join('\n');
  }
  return out;
}

// The *WithOptions methods of the compiled client: params of the call, query fields, shrinks.
function parseMethods(js) {
  const methods = [];
  const re = /\n    async (\w+)WithOptions\((\w+), runtime\) \{\n([\s\S]*?)\n    \}\n/g;
  for (const m of js.matchAll(re)) {
    const body = m[3];
    const meth = { name: m[1][0].toUpperCase() + m[1].slice(1), shrinks: {}, query: new Set(), allQuery: false, params: {} };
    if (PRODUCT.actions && !PRODUCT.actions.includes(meth.name)) continue;
    for (const s of body.matchAll(/request\.(\w+) = openapi_core_\d\.OpenApiUtil\.arrayToStringWithSpecifiedStyle\(tmpReq\.(\w+), "(\w+)", "(\w+)"\);/g)) {
      meth.shrinks[s[2]] = { shrunk: s[1], wire: s[3], style: s[4] };
    }
    for (const q of body.matchAll(/query\["(\w+)"\] = request\.(\w+);/g)) meth.query.add(q[2]);
    if (/let query = openapi_core_\d\.OpenApiUtil\.query\(request\.toMap\(\)\);/.test(body)) meth.allQuery = true;
    if (/\bbody\[|\bbody: |headers\[/.test(body)) fail(3, `${meth.name}: body or header parameters; the catalog format has no place for them`);
    const p = /new openapi_core_\d\.\$OpenApiUtil\.Params\(\{([\s\S]*?)\}\);/.exec(body);
    if (!p) fail(3, `${meth.name}: no Params({...}) found`);
    for (const kv of p[1].matchAll(/(\w+): "([^"]*)",/g)) meth.params[kv[1]] = kv[2];
    methods.push(meth);
  }
  if (methods.length === 0) fail(3, 'no *WithOptions methods found in the client');
  for (const a of PRODUCT.actions ?? []) if (!methods.some((m) => m.name === a)) fail(3, `the SDK has no ${a}WithOptions`);
  return methods;
}

// ---------------------------------------------------------------- building entries

const isModel = (t) => typeof t === 'function';

function typeName(t) {
  if (typeof t === 'string') return t;
  if (isModel(t)) return 'object';
  if (t.type === 'array') return 'array<' + typeName(t.itemType) + '>';
  if (t.type === 'map') return 'map<' + typeName(t.keyType) + ',' + typeName(t.valueType) + '>';
  throw new Error('unknown SDK type ' + JSON.stringify(t));
}

function ordered(o) {
  const out = {};
  for (const k of o.action ? ACTION_KEYS : PARAM_KEYS) if (k in o) out[k] = o[k];
  for (const k of Object.keys(o)) if (!(k in out)) throw new Error('no place for key ' + k);
  return out;
}

function exampleOf(doc) {
  return doc.example !== undefined && doc.example.length <= MAX_EXAMPLE ? doc.example : undefined;
}

function enumOf(remarks) {
  const lines = remarks.split('\n');
  const start = lines.findIndex((l) => /Valid values:\s*$/.test(l));
  if (start < 0) return undefined;
  const values = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '' || line.startsWith('    ')) continue;
    const b = /^(?:\*   |- )(.*)$/.exec(line);
    if (!b) break;
    const text = b[1].replace(/\\/g, '').replace(/\*\*/g, '');
    const colon = text.indexOf(':');
    if (colon < 0 && / .*\.$/.test(text)) continue;
    const v = (colon < 0 ? text : text.slice(0, colon)).replace(/\s*\(.*$/, '').trim().replace(/\.$/, '');
    if (!values.includes(v)) values.push(v);
  }
  return values.length ? values : undefined;
}

// A field of a model: the shape shared by item fields, object fields and response fields.
function field(sdk, cls, prop, nested) {
  const t = cls.types()[prop];
  const doc = sdk.docsOf(cls.name)?.[prop] ?? {};
  const f = { name: cls.names()[prop], type: typeName(t), example: exampleOf(doc), enum: enumOf(doc.remarks ?? '') };
  if (nested) {
    if (isModel(t)) f.fields = fields(sdk, t, nested);
    else if (t.type === 'array' && isModel(t.itemType)) f.items = fields(sdk, t.itemType, nested);
  }
  return ordered(dropUndefined(f));
}

const fields = (sdk, cls, nested) => Object.keys(cls.names()).map((p) => field(sdk, cls, p, nested));

function dropUndefined(o) {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function requestParam(sdk, meth, cls, prop) {
  const t = cls.types()[prop];
  const wire = cls.names()[prop];
  const doc = sdk.docsOf(cls.name)?.[prop] ?? {};
  const remarks = doc.remarks ?? '';
  const shrink = meth.shrinks[prop];
  if (!meth.allQuery && !meth.query.has(shrink ? shrink.shrunk : prop)) {
    fail(3, `${meth.name}.${wire}: not sent as a query parameter`);
  }
  const p = { name: wire, type: typeName(t), in: 'query', required: /This parameter is required\./.test(remarks) };
  if (shrink) {
    const item = t.type === 'array' ? t.itemType : t;
    Object.assign(p, { type: 'string', encoding: shrink.style, itemType: typeName(item) });
    if (isModel(item)) p.itemFields = fields(sdk, item, false);
  } else if (t.type === 'array') {
    p.encoding = 'repeatList';
    if (isModel(t.itemType)) {
      p.wireKeys = Object.values(t.itemType.names()).map((n) => `${wire}.N.${n}`);
      p.itemFields = fields(sdk, t.itemType, false);
    } else p.wireKeys = [wire + '.N'];
  } else if (isModel(t)) {
    p.encoding = 'flattened';
    p.wireKeys = Object.values(t.names()).map((n) => `${wire}.${n}`);
    p.fields = fields(sdk, t, false);
  }
  p.example = exampleOf(doc);
  if (p.type === 'string' && !p.encoding && p.example?.startsWith('[')) p.jsonArrayString = true;
  let m;
  if ((m = /Default value: (\S+?)\.?(?:\s|$)/.exec(remarks)) && m[1] !== 'empty') p.default = m[1];
  if ((m = /Minimum value: (\d+)/.exec(remarks))) p.min = Number(m[1]);
  if ((m = /Maximum value: (\d+)/.exec(remarks))) p.max = Number(m[1]);
  p.enum = enumOf(remarks);
  if ((m = /(\d+) to (\d+) characters/.exec(remarks))) { p.minLength = Number(m[1]); p.maxLength = Number(m[2]); }
  else if ((m = /(?:up to|cannot exceed) (\d+) characters/.exec(remarks))) p.maxLength = Number(m[1]);
  if ((m = /up to (\d+) (?!characters|bytes)/.exec(remarks))) p.maxItems = Number(m[1]);
  return ordered(dropUndefined(p));
}

function action(sdk, meth) {
  const req = sdk.models[meth.name + 'Request'];
  const body = sdk.models[meth.name + 'ResponseBody'];
  if (!body) fail(3, `${meth.name}: no ${meth.name}ResponseBody model`);
  const { action, version, method, style, pathname, reqBodyType, bodyType } = meth.params;
  if (action !== meth.name) fail(3, `${meth.name}WithOptions calls action ${action}`);
  const accessLevel = PRODUCT.accessLevels ? PRODUCT.accessLevels[action] : undefined;
  return ordered({
    action, ...(accessLevel ? { accessLevel } : {}), version, method, style, pathname, reqBodyType, bodyType,
    request: req ? Object.keys(req.names()).map((p) => requestParam(sdk, meth, req, p)) : [],
    response: fields(sdk, body, true),
  });
}

// ---------------------------------------------------------------- overrides

function applyOverrides(actions, overrides) {
  const byName = new Map(actions.map((a) => [a.action, a]));
  for (const o of overrides) {
    const where = `${o.action} ${o.side} ${o.field}`;
    const a = byName.get(o.action);
    if (!a) fail(4, `override for unknown action: ${where}`);
    let list = a[o.side], f;
    for (const name of o.field.split('/')) {
      f = (list ?? []).find((x) => x.name === name);
      if (!f) fail(4, `override for unknown field: ${where}`);
      list = f.itemFields ?? f.fields ?? f.items;
    }
    for (const [k, v] of Object.entries(o.set ?? {})) {
      if (JSON.stringify(f[k]) === JSON.stringify(v)) fail(4, `override is redundant (the SDK now gives ${k} itself): ${where}`);
      f[k] = v;
    }
    for (const k of o.remove ?? []) {
      if (!(k in f)) fail(4, `override is redundant (no ${k} to remove): ${where}`);
      delete f[k];
    }
    const re = ordered(f);
    for (const k of Object.keys(f)) delete f[k];
    Object.assign(f, re);
  }
}

// ---------------------------------------------------------------- output and check

function generate(sdk) {
  const actions = parseMethods(sdk.js).map((m) => action(sdk, m));
  actions.sort((a, b) => { const x = a.action.toLowerCase(), y = b.action.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; });
  applyOverrides(actions, OVERRIDES[PRODUCT.product] ?? []);
  const versions = new Set(actions.map((a) => a.version));
  if (versions.size !== 1) fail(3, 'more than one API version: ' + [...versions].join(', '));
  const catalog = {
    product: PRODUCT.product,
    apiVersion: [...versions][0],
    source: PRODUCT.source(sdk.name, sdk.version),
    notes: PRODUCT.notes,
    actionCount: actions.length,
    actions,
  };
  return JSON.stringify(catalog, null, 1) + '\n';
}

// A readable difference of two catalogs: one line per changed value, by action and field name.
function diff(oldText, newText) {
  const lines = [];
  let a, b;
  try { a = JSON.parse(oldText); } catch (e) { return [`checked-in file is not JSON: ${e.message}`]; }
  b = JSON.parse(newText);
  const key = (x) => (x && typeof x === 'object' && !Array.isArray(x) ? x.action ?? x.name : undefined);
  const show = (v) => { const s = JSON.stringify(v); return s.length > 160 ? s.slice(0, 157) + '...' : s; };
  const walk = (x, y, p) => {
    if (Array.isArray(x) && Array.isArray(y) && [...x, ...y].every((e) => key(e) !== undefined)) {
      const kx = x.map(key), ky = y.map(key);
      for (const e of x) if (!ky.includes(key(e))) lines.push(`- ${p}/${key(e)}: ${show(e)}`);
      for (const e of y) if (!kx.includes(key(e))) lines.push(`+ ${p}/${key(e)}: ${show(e)}`);
      const common = kx.filter((k) => ky.includes(k));
      if (JSON.stringify(common) !== JSON.stringify(ky.filter((k) => kx.includes(k)))) lines.push(`~ ${p}: order ${show(common)} -> ${show(ky.filter((k) => kx.includes(k)))}`);
      for (const k of common) walk(x[kx.indexOf(k)], y[ky.indexOf(k)], `${p}/${k}`);
    } else if (x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y)) {
      for (const k of Object.keys(x)) if (!(k in y)) lines.push(`- ${p}/${k}: ${show(x[k])}`);
      for (const k of Object.keys(y)) if (!(k in x)) lines.push(`+ ${p}/${k}: ${show(y[k])}`);
      const common = Object.keys(x).filter((k) => k in y);
      if (JSON.stringify(common) !== JSON.stringify(Object.keys(y).filter((k) => k in x))) lines.push(`~ ${p}: key order ${show(common)} -> ${show(Object.keys(y).filter((k) => k in x))}`);
      for (const k of common) walk(x[k], y[k], p ? `${p}/${k}` : k);
    } else if (JSON.stringify(x) !== JSON.stringify(y)) {
      lines.push(`- ${p}: ${show(x)}`, `+ ${p}: ${show(y)}`);
    }
  };
  walk(a, b, '');
  if (lines.length === 0) {
    // Same JSON, different bytes: show the first differing line.
    const ol = oldText.split('\n'), nl = newText.split('\n');
    let i = 0;
    while (i < ol.length && ol[i] === nl[i]) i++;
    lines.push(`same JSON, different text from line ${i + 1}:`, `- ${JSON.stringify(ol[i])}`, `+ ${JSON.stringify(nl[i])}`);
  }
  return lines;
}

const shown = (f) => (f.startsWith(ROOT + path.sep) ? path.relative(ROOT, f) : f);

function main() {
  const args = parseArgs(process.argv.slice(2));
  PRODUCT = { product: args.product, ...PRODUCTS[args.product] };
  const sdkDir = path.resolve(args.sdk ?? path.join(ROOT, 'conformance/npm/node_modules', PRODUCT.package));
  const out = path.resolve(args.out ?? path.join(ROOT, PRODUCT.catalog));
  const text = generate(loadSdk(sdkDir));
  if (!args.check) {
    fs.writeFileSync(out, text);
    console.log(`wrote ${shown(out)}`);
    return;
  }
  const old = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (old === text) {
    console.log(`${shown(out)} is up to date with ${PRODUCT.package}`);
    return;
  }
  const lines = diff(old, text);
  const LIMIT = 200;
  process.stderr.write(`${shown(out)} differs from what the SDK gives (- checked in, + generated):\n`);
  process.stderr.write(lines.slice(0, LIMIT).join('\n') + '\n');
  if (lines.length > LIMIT) process.stderr.write(`... and ${lines.length - LIMIT} more lines\n`);
  process.stderr.write('Run node scripts/catalog-from-sdk.mjs to rewrite it, or add an override with its reason.\n');
  process.exit(1);
}

main();
