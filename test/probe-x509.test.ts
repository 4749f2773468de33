import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import tls from "node:tls";
import { afterEach, describe, expect, it } from "vitest";
import {
  identityOf,
  type TlsVerdict,
  tlsInfoFromCertificate,
  tlsInfoFromX509,
} from "../src/clients/probe/tls-info.js";
import { parseX509Name } from "../src/clients/probe/x509-name.js";

const dir = new URL("./fixtures/certs/", import.meta.url);
const pem = (name: string) => readFileSync(new URL(name, dir), "utf8");
const FIXTURES = [
  "root.pem",
  "inter.pem",
  "valid.pem",
  "expired.pem",
  "wrong-name.pem",
  "self-signed.pem",
  "weird-names.pem",
];

describe("X509 name reader", () => {
  it.each(FIXTURES)("reads %s's subject and issuer as the legacy object has them", (file) => {
    const x = new X509Certificate(pem(file));
    const legacy = x.toLegacyObject();
    expect({ ...parseX509Name(x.subject) }).toEqual({ ...legacy.subject });
    expect({ ...parseX509Name(x.issuer) }).toEqual({ ...legacy.issuer });
  });

  it("undoes every RFC 2253 escape and splits a multi-valued RDN", () => {
    const name = parseX509Name(new X509Certificate(pem("weird-names.pem")).subject);
    expect(name.O).toBe('Weird, "Inc" <x>; 1+1 = 2');
    expect(name.CN).toBe("#hash \\back\\slash");
    expect(name.OU).toEqual(["multi", "Ünïcødé 日本", "tab\there", "second", "trailing "]);
  });

  it("never throws on odd text", () => {
    expect({ ...parseX509Name(undefined) }).toEqual({});
    expect({ ...parseX509Name("junk\n=x\nCN=a\\") }).toEqual({ CN: "a\\" });
  });
});

const open: { close(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) o.close();
});

// Serves `chain` (PEM, leaf first) with the shared test key; returns its port.
async function serve(chain: string): Promise<number> {
  const server = tls.createServer({ key: pem("leaf.key"), cert: chain }, (s) => s.end());
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const context = tls.createSecureContext({ ca: [...tls.rootCertificates, pem("root.pem")] });

function connect<T>(port: number, read: (s: tls.TLSSocket) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({
      port,
      host: "127.0.0.1",
      servername: "site.test",
      rejectUnauthorized: false,
      secureContext: context,
    });
    s.once("secureConnect", () => {
      resolve(read(s));
      s.destroy();
    });
    s.once("error", reject);
  });
}

function verdict(s: tls.TLSSocket, cert: tls.PeerCertificate): TlsVerdict {
  const err = s.authorizationError as unknown as string | Error | null;
  const nameErr = tls.checkServerIdentity("site.test", cert) as { code?: string } | undefined;
  return {
    chainError: s.authorized ? null : typeof err === "string" ? err : String(err),
    nameError: nameErr ? (nameErr.code ?? "?") : null,
  };
}

describe("TLS record from the lazy X509 certificate", () => {
  const inter = pem("inter.pem");
  it.each([
    ["leaf and intermediate", pem("valid.pem") + inter, 2],
    ["leaf, intermediate and root", pem("valid.pem") + inter + pem("root.pem"), 2],
    ["leaf alone (issuer unknown)", pem("valid.pem"), 0],
    ["expired leaf", pem("expired.pem") + inter, 2],
    ["wrong name", pem("wrong-name.pem") + inter, 2],
    ["self-signed", pem("self-signed.pem"), 1],
    ["self-signed with escaped names", pem("weird-names.pem"), 1],
  ])("matches the legacy record: %s", async (_, chain, chainLength) => {
    const port = await serve(chain);
    const legacy = await connect(port, (s) => {
      const cert = s.getPeerCertificate(true);
      return tlsInfoFromCertificate(cert, verdict(s, cert));
    });
    const lazy = await connect(port, (s) => {
      const cert = s.getPeerX509Certificate() as X509Certificate;
      return tlsInfoFromX509(cert, verdict(s, identityOf(cert)));
    });
    expect(lazy).toEqual(legacy);
    expect(lazy.chain).toHaveLength(chainLength);
  });
});
