// Attribution rules, Certificate authority.
import { describe, expect, it } from "vitest";
import { detectTls } from "../src/judge/detectors/tls.js";
import { emptyEvidence } from "../src/sources/evidence.js";
import { cert, http, target } from "./fixtures/stacks/build.js";

const T = target("www.example.org");

describe("tls", () => {
  it("names an uncatalogued CA by its organisation with medium confidence", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        { tls: cert("Example CA / Issuing 1", "Example CA") },
      ),
    });
    expect(detectTls(e)).toMatchObject({
      name: "Example CA",
      confidence: "medium",
      abuse: { email: null, url: null, phone: null },
    });
  });

  it("matches issuer organisations whole: an issuer merely containing a CA's name is not that CA", () => {
    for (const org of ["Amazon Fake Trust Ltd", "Not Let's Encrypt", "digicert inc evil"]) {
      const e = emptyEvidence(T, {
        http: http("https://www.example.org/", {}, { tls: cert(`${org} / Issuing 1`, org) }),
      });
      const p = detectTls(e);
      expect(p).toMatchObject({ name: org, confidence: "medium" });
      expect(p?.id).toBeUndefined();
    }
    const noOrg = emptyEvidence(T, {
      http: http("https://www.example.org/", {}, { tls: cert("Amazon RSA 2048 M02", null) }),
    });
    expect(detectTls(noOrg)).toBeNull();
  });

  it.each([
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "CERT_HAS_EXPIRED",
  ])("an unverified chain (%s) names no CA, even one claiming to be Let's Encrypt", (code) => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        {
          tls: cert("Let's Encrypt / R11", "Let's Encrypt", { trusted: false, error: code }),
        },
      ),
    });
    expect(detectTls(e)).toBeNull();
  });

  it("a certificate whose trust is unknown names no CA", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        { tls: cert("Let's Encrypt / R11", "Let's Encrypt", { trusted: null, error: null }) },
      ),
    });
    expect(detectTls(e)).toBeNull();
  });

  it("a verified chain with only a host-name mismatch still names the CA, at medium", () => {
    const e = emptyEvidence(T, {
      http: http(
        "https://www.example.org/",
        {},
        {
          tls: cert("Let's Encrypt / R11", "Let's Encrypt", {
            trusted: false,
            error: "ERR_TLS_CERT_ALTNAME_INVALID",
          }),
        },
      ),
    });
    const p = detectTls(e);
    expect(p).toMatchObject({ name: "Let's Encrypt", confidence: "medium", id: "lets-encrypt" });
    expect(p?.evidence.join(" ")).toMatch(/chain verified.*ERR_TLS_CERT_ALTNAME_INVALID/);
  });
});
