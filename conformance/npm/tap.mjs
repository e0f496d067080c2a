// The recording relay both harnesses put between the official client and swasd: it passes each
// request through unchanged and keeps what went over the wire (and the raw answer), so that a
// case can check the request count, the signing scheme and the JSON types the server sent.
import http from 'node:http';
import { writeFileSync } from 'node:fs';

// ---------------------------------------------------------------------------
// Recording tap: forwards every request unchanged (method, path+query, headers
// incl. Host, body) to SWASD_ENDPOINT; records the request and the raw
// response body.
// ---------------------------------------------------------------------------
export function startTap(target) {
  const [targetHost, targetPortStr] = splitHostPort(target);
  const targetPort = Number(targetPortStr || 80);
  const log = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const entry = { method: req.method, url: req.url, headers: { ...req.headers }, body: body.toString('utf8'), status: null, responseBody: null };
      log.push(entry);
      const up = http.request(
        { host: targetHost, port: targetPort, method: req.method, path: req.url, headers: req.headers },
        (upRes) => {
          entry.status = upRes.statusCode;
          const respChunks = [];
          upRes.on('data', (c) => respChunks.push(c));
          // Registered before pipe(), so the body is recorded before the
          // client sees the end of the response.
          upRes.on('end', () => { entry.responseBody = Buffer.concat(respChunks).toString('utf8'); });
          res.writeHead(upRes.statusCode, upRes.rawHeaders);
          upRes.pipe(res);
        },
      );
      up.on('error', (e) => {
        entry.status = `relay error: ${e.message}`;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Code: 'ConformanceTapRelayError', Message: e.message }));
      });
      up.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ endpoint: `127.0.0.1:${server.address().port}`, log, close: () => server.close() });
    });
  });
}

export function splitHostPort(hp) {
  const i = hp.lastIndexOf(':');
  if (i < 0 || hp.endsWith(']')) return [hp, ''];
  return [hp.slice(0, i).replace(/^\[|\]$/g, ''), hp.slice(i + 1)];
}

// All parameters the client sent, from the query string and a form body.
export function wireParams(entry) {
  const u = new URL(entry.url, 'http://x');
  const p = {};
  for (const [k, v] of u.searchParams) p[k] = v;
  const ct = entry.headers['content-type'] || '';
  if (entry.body && ct.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(entry.body)) p[k] = v;
  }
  return p;
}

// Writes what the relay saw to `path`, signatures redacted and `scrub` applied (for SWASD_WIRE_LOG).
export function writeWireLog(tap, path, scrub) {
  const redacted = tap.log.map((e) => {
    const u = new URL(e.url, 'http://x');
    if (u.searchParams.has('Signature')) u.searchParams.set('Signature', 'REDACTED');
    const headers = { ...e.headers };
    if (headers.authorization) headers.authorization = headers.authorization.replace(/Signature=[0-9a-fA-F]+/, 'Signature=REDACTED');
    return { ...e, url: u.pathname + u.search, headers };
  });
  writeFileSync(path, scrub(JSON.stringify(redacted, null, 2)) + '\n');
}
