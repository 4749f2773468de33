// The benchmark world's servers, run in a child process of bench/run.js, all on 127.0.0.1:
// DNS (UDP+TCP, dns-packet), IANA bootstrap + registry/registrar/RIR RDAP servers (one port
// each, as separate servers in the real world), WHOIS, HTTPS (+HTTP redirecting to it).
// Every round trip waits `--latency` ms: a DNS reply, a TCP accept (two for TLS), an HTTP reply.
// Reports its ports with process.send({ ports }) and exits when the parent disconnects.
import { execFileSync } from "node:child_process";
import dgram from "node:dgram";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import dnsPacket from "dns-packet";
import { negativeSoa, recordsOf } from "./dns-world.js";
import {
  autnumDocument,
  bootstrapFiles,
  domainDocument,
  ipDocument,
  whoisText,
} from "./rdap-world.js";
import { siteResponse } from "./site-world.js";

const HOST = "127.0.0.1";
const latency = Number(process.argv[process.argv.indexOf("--latency") + 1] || 0);
const counts = { dns: 0, rdap: 0, whois: 0, web: 0, connections: 0, dnsByKind: {} };
const later = (fn, factor = 1) => (latency ? setTimeout(fn, latency * factor) : setImmediate(fn));

// ---- DNS -------------------------------------------------------------------------------------

function dnsAnswer(query) {
  const q = query.questions?.[0];
  const reply = {
    type: "response",
    id: query.id,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
    questions: query.questions,
    answers: [],
    authorities: [],
  };
  if (!q) return dnsPacket.encode({ ...reply, flags: reply.flags | 1 });
  let name = q.name.toLowerCase().replace(/\.$/, "");
  let rcode = 0;
  for (let step = 0; step < 8; step++) {
    const rrs = recordsOf(name);
    if (rrs === "drop") return null;
    if (rrs === "servfail") {
      rcode = 2;
      break;
    }
    if (!rrs) {
      rcode = 3;
      break;
    }
    const own = rrs[q.type];
    if (own?.length) {
      for (const data of own) reply.answers.push({ name, type: q.type, ttl: 300, data });
      break;
    }
    if (q.type === "CNAME" || !rrs.CNAME?.length) break;
    reply.answers.push({ name, type: "CNAME", ttl: 300, data: rrs.CNAME[0] });
    name = rrs.CNAME[0];
  }
  if (rcode !== 2 && !reply.answers.some((a) => a.type === q.type)) {
    const soa = negativeSoa(name);
    if (soa) reply.authorities.push({ name: soa.name, type: "SOA", ttl: 300, data: soa.data });
  }
  return dnsPacket.encode({ ...reply, flags: reply.flags | rcode });
}

function onDns(msg, send) {
  counts.dns++;
  let query;
  try {
    query = dnsPacket.decode(msg);
  } catch {
    return;
  }
  // What was asked, by type and by kind of name (Team Cymru's zones apart): fewer questions per
  // domain is the largest CPU lever left, so the bench shows where they go.
  const q = query.questions?.[0];
  if (q) {
    const zone = /cymru\.com$/i.test(q.name)
      ? "cymru"
      : /^ns\d|^mx|mail/i.test(q.name)
        ? "ns/mx host"
        : "domain";
    const kind = `${q.type} ${zone}`;
    counts.dnsByKind[kind] = (counts.dnsByKind[kind] ?? 0) + 1;
  }
  const out = dnsAnswer(query);
  if (out) later(() => send(out));
}

async function startDns() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const udp = dgram.createSocket("udp4");
    udp.on("message", (msg, r) => onDns(msg, (b) => udp.send(b, r.port, r.address)));
    await new Promise((resolve) => udp.bind(0, HOST, resolve));
    const port = udp.address().port;
    const tcp = net.createServer((sock) => {
      let buf = Buffer.alloc(0);
      sock.on("error", () => {});
      sock.on("data", (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 2 && buf.length >= buf.readUInt16BE(0) + 2) {
          const msg = buf.subarray(2, buf.readUInt16BE(0) + 2);
          buf = buf.subarray(msg.length + 2);
          onDns(msg, (b) => {
            const len = Buffer.alloc(2);
            len.writeUInt16BE(b.length);
            if (!sock.destroyed) sock.write(Buffer.concat([len, b]));
          });
        }
      });
    });
    const ok = await new Promise((resolve) => {
      tcp.once("error", () => resolve(false));
      tcp.listen(port, HOST, () => resolve(true));
    });
    if (ok) return port;
    udp.close();
  }
  throw new Error("bench DNS: could not bind UDP and TCP on one port");
}

// ---- HTTP-ish servers with a latency on accept ---------------------------------------------

// A listener that holds each new connection for `rtts` round trips before the server sees it.
async function listenDelayed(server, rtts) {
  const front = net.createServer({ pauseOnConnect: true }, (sock) => {
    counts.connections++;
    sock.on("error", () => {});
    later(() => {
      server.emit("connection", sock);
      sock.resume();
    }, rtts);
  });
  await new Promise((resolve) => front.listen(0, HOST, resolve));
  return front.address().port;
}

function sendJson(res, doc) {
  later(() => {
    if (!doc) {
      res.writeHead(404, { "content-type": "application/rdap+json" });
      res.end(JSON.stringify({ errorCode: 404, title: "Not Found" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/rdap+json" });
    res.end(JSON.stringify(doc));
  });
}

async function startRdap() {
  const roles = ["bootstrap", "verisign", "pir", "identity", "registrar", "arin", "ripe"];
  const urls = {};
  const servers = {};
  for (const role of roles) {
    servers[role] = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
      counts.rdap++;
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      if (role === "bootstrap") return sendJson(res, files[path.slice(1)] ?? null);
      let m = /^\/domain\/([^/]+)$/.exec(path);
      if (m)
        return sendJson(
          res,
          domainDocument(m[1].toLowerCase(), role === "registrar" ? "registrar" : "registry", urls),
        );
      m = /^\/ip\/([\d.]+)$/.exec(path);
      if (m) return sendJson(res, ipDocument(m[1]));
      m = /^\/autnum\/(\d+)$/.exec(path);
      if (m) return sendJson(res, autnumDocument(Number(m[1])));
      return sendJson(res, null);
    });
    urls[role] = `http://${HOST}:${await listenDelayed(servers[role], 1)}/`;
  }
  const files = bootstrapFiles(urls);
  return urls;
}

async function startWhois() {
  let self = "";
  const server = net.createServer((sock) => {
    counts.whois++;
    sock.on("error", () => {});
    let text = "";
    sock.setEncoding("utf8");
    sock.on("data", (d) => {
      text += d;
      if (!text.includes("\n")) return;
      later(() => sock.end(whoisText(text, self).replace(/\n/g, "\r\n")), 2);
    });
  });
  await new Promise((resolve) => server.listen(0, HOST, resolve));
  self = `${HOST}:${server.address().port}`;
  return self;
}

function onWeb(secure) {
  return (req, res) => {
    counts.web++;
    const answer = siteResponse(req.headers.host ?? "", secure);
    if (answer === "hang") return; // the client's timeout ends it
    later(() => {
      if (!answer) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("no such site\n");
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  };
}

// A self-signed certificate from openssl, or null when openssl is not installed.
function selfSigned() {
  const dir = mkdtempSync(join(tmpdir(), "hostscan-bench-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=hostscan-bench",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function startWeb() {
  const plain = http.createServer({ keepAliveTimeout: 5_000 }, onWeb(false));
  const httpPort = await listenDelayed(plain, 1);
  const tls = selfSigned();
  let httpsPort = null;
  if (tls) {
    const secure = https.createServer({ ...tls, keepAliveTimeout: 5_000 }, onWeb(true));
    httpsPort = await listenDelayed(secure, 2);
  } else {
    // HTTP only: 443 goes to a closed local port so the probe falls back to http://.
    const probe = net.createServer();
    await new Promise((resolve) => probe.listen(0, HOST, resolve));
    httpsPort = probe.address().port;
    await new Promise((resolve) => probe.close(resolve));
  }
  return { httpPort, httpsPort, tls: Boolean(tls) };
}

const [dns, rdap, whois, web] = await Promise.all([
  startDns(),
  startRdap(),
  startWhois(),
  startWeb(),
]);
process.on("message", (m) => {
  // The world's own CPU (user + system) goes with the counts: it shares the machine's cores.
  if (m === "counts") {
    const u = process.cpuUsage();
    process.send({ counts: { ...counts, cpuMs: (u.user + u.system) / 1000 } });
  }
});
process.on("disconnect", () => process.exit(0));
process.send({ ports: { dns, rdap, whois, ...web }, latency });
