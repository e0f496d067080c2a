// Signed API calls from the browser: ACS3-HMAC-SHA256 (the scheme the official clients use by
// default), RPC style, computed with WebCrypto. The AccessKey secret lives only in this tab's
// sessionStorage and never leaves the browser: only the signature is sent.

export const VERSIONS = { 'swas-open': '2020-06-01', ram: '2015-05-01', ecs: '2014-05-26' };
const KEY = 'swasd.console.session';
const encoder = new TextEncoder();

/** An API error as the service words it: HTTP status, Code, Message, RequestId. */
export class ApiError extends Error {
  constructor(status, code, message, requestId, body) {
    super(`${code}: ${message}`);
    this.status = status;
    this.code = code;
    this.serviceMessage = message;
    this.requestId = requestId;
    this.body = body;
  }
}

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
}

export function saveSession(value) {
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

export async function sha256Hex(text) {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

export async function hmacSha256Hex(secret, text) {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}

/** RFC 3986 percent-encoding, as both signature schemes use it: only A-Z a-z 0-9 - _ . ~ kept. */
export function pct(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The x-acs-date form: ISO 8601 UTC to the second. */
function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The canonical request, string to sign and headers of one call; exported so that a test can
 * hold it against the server's vectors.
 */
export async function signRequest({ accessKeyId, accessKeySecret, host, action, version, params, date, nonce, extraHeaders = {} }) {
  const pairs = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => [k, String(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const query = pairs.map(([k, v]) => `${pct(k)}=${pct(v)}`).join('&');
  const bodyHash = await sha256Hex('');
  const headers = {
    host,
    'x-acs-action': action,
    'x-acs-content-sha256': bodyHash,
    'x-acs-date': isoSeconds(date ?? new Date()),
    'x-acs-signature-nonce': nonce ?? crypto.randomUUID(),
    'x-acs-version': version,
    ...extraHeaders,
  };
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const canonical = `POST\n/\n${query}\n${names.map((n) => `${n}:${headers[n].trim()}\n`).join('')}\n${signedHeaders}\n${bodyHash}`;
  const stringToSign = `ACS3-HMAC-SHA256\n${await sha256Hex(canonical)}`;
  const signature = await hmacSha256Hex(accessKeySecret, stringToSign);
  headers.authorization = `ACS3-HMAC-SHA256 Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
  return { query, headers, canonical, stringToSign };
}

/**
 * One API call as any client makes it: POST / with the parameters in the query string, signed.
 * Resolves to the response body; rejects with an ApiError carrying the service's Code and Message.
 */
export async function call(product, action, params = {}, credentials = session()) {
  if (!credentials) throw new ApiError(0, 'NotSignedIn', 'Sign in with an AccessKey first.', '', null);
  const version = VERSIONS[product];
  const { query, headers } = await signRequest({
    accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret,
    host: location.host, action, version,
    // a field left empty is a parameter not sent
    params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')) });
  delete headers.host; // the browser sends it, as signed
  let res;
  try {
    res = await fetch(`/?${query}`, { method: 'POST', headers, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'NetworkError', `swasd could not be reached (${e.message}).`, '', null);
  }
  const text = await res.text();
  let body = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: reported below
  }
  if (!res.ok || body === null) {
    throw new ApiError(res.status, body?.Code ?? `HTTP${res.status}`, body?.Message ?? text.slice(0, 300),
      body?.RequestId ?? res.headers.get('x-acs-request-id') ?? '', body);
  }
  return body;
}
