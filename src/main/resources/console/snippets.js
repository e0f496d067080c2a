// SDK code that repeats a logged call: Java (com.aliyun:tea-openapi, Client.callApi with Params)
// and Node (@alicloud/openapi-core, callApi). The endpoint is this console's; the AccessKey comes
// from the environment, never from the log.

// protocol parameters a V1 client sends beside the action's own; the SDK adds its own
const COMMON = new Set(['Action', 'Version', 'Format', 'AccessKeyId', 'Signature', 'SignatureMethod',
  'SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp', 'SecurityToken']);
export const MASK = '******';

/** The action's own parameters of a log entry (its Parameters is JSON text). */
export function parameters(entry) {
  let parsed = {};
  try {
    parsed = JSON.parse(entry.Parameters || '{}') ?? {};
  } catch {
    parsed = {};
  }
  return Object.fromEntries(Object.entries(parsed)
    .filter(([k]) => !COMMON.has(k))
    .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function javaString(text) {
  return '"' + String(text).replace(/[\\"]/g, (c) => '\\' + c)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';
}

function jsString(text) {
  return "'" + String(text).replace(/[\\']/g, (c) => '\\' + c)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + "'";
}

function maskedNote(params, comment) {
  return Object.values(params).includes(MASK) ? `${comment} values shown as ${MASK} were secrets: the log keeps none\n` : '';
}

export function java(entry, endpoint) {
  const params = parameters(entry);
  const entries = Object.entries(params).map(([k, v]) => `        Map.entry(${javaString(k)}, ${javaString(v)})`);
  return `// com.aliyun:tea-openapi: repeats ${entry.Action} (${entry.Product} ${entry.Version}), RequestId ${entry.RequestId}
// (statements for a method that throws Exception; the AccessKey comes from the environment)
${maskedNote(params, '//')}import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.util.Map;

Client client = new Client(new Config()
        .setAccessKeyId(System.getenv("SWASD_ACCESS_KEY_ID"))
        .setAccessKeySecret(System.getenv("SWASD_ACCESS_KEY_SECRET"))
        .setEndpoint(${javaString(endpoint)}).setProtocol("http"));
Params params = new Params().setAction(${javaString(entry.Action)}).setVersion(${javaString(entry.Version)})
        .setProtocol("HTTP").setPathname("/").setMethod("POST").setAuthType("AK").setStyle("RPC")
        .setReqBodyType("formData").setBodyType("json");
Map<String, String> query = Map.ofEntries(${entries.length ? '\n' + entries.join(',\n') : ''});
try {
    Map<String, ?> response = client.callApi(params, new OpenApiRequest().setQuery(query), new RuntimeOptions());
    System.out.println(response.get("body"));
} catch (TeaException e) {
    System.out.println("HTTP " + e.getStatusCode() + " " + e.getCode() + ": " + e.getMessage());
}
`;
}

export function node(entry, endpoint) {
  const params = parameters(entry);
  const entries = Object.entries(params).map(([k, v]) => `  ${jsString(k)}: ${jsString(v)},`);
  return `// npm install @alicloud/openapi-core: repeats ${entry.Action} (${entry.Product} ${entry.Version}), RequestId ${entry.RequestId}
${maskedNote(params, '//')}import openapi from '@alicloud/openapi-core';
import dara from '@darabonba/typescript';

const { $OpenApiUtil } = openapi;
const Client = openapi.default; // the package is CommonJS; seen from an ES module
const client = new Client(new $OpenApiUtil.Config({
  accessKeyId: process.env.SWASD_ACCESS_KEY_ID, accessKeySecret: process.env.SWASD_ACCESS_KEY_SECRET,
  endpoint: ${jsString(endpoint)}, protocol: 'http' }));
const params = new $OpenApiUtil.Params({ action: ${jsString(entry.Action)}, version: ${jsString(entry.Version)},
  protocol: 'HTTP', pathname: '/', method: 'POST', authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'json' });
const request = new $OpenApiUtil.OpenApiRequest({ query: {${entries.length ? '\n' + entries.join('\n') + '\n' : ''}} });
try {
  const { body } = await client.callApi(params, request, new dara.RuntimeOptions({}));
  console.log(JSON.stringify(body));
} catch (e) {
  console.log(\`HTTP \${e.statusCode} \${e.code}: \${e.data?.Message}\`);
}
`;
}
