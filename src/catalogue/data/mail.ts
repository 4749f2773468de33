// Mailbox providers and gateways (MX), and outbound senders named by SPF includes.

import type { ProviderEntry } from "../schema.js";
import { MXSNIFF, WAPPALYZER } from "./sources.js";

/** A sender seen only through an SPF include (it sends for the domain; it does not receive). */
function sender(
  id: string,
  name: string,
  spf: string[],
  source: string,
  unverified = false,
  abuse: ProviderEntry["abuse"] = null,
): ProviderEntry {
  return {
    id,
    name,
    kinds: ["sender"],
    website: `https://${spf[0]}`,
    signals: [
      { type: "spf", values: spf, source, ...(unverified ? { unverified: true as const } : {}) },
    ],
    abuse,
  };
}

export const MAIL_PROVIDERS: ProviderEntry[] = [
  {
    id: "google-workspace",
    name: "Google Workspace",
    kinds: ["email"],
    website: "https://workspace.google.com",
    signals: [
      {
        type: "mx",
        values: ["aspmx.l.google.com", "smtp.google.com", "googlemail.com"],
        source: "https://intodns.ai/citations/google-workspace-mx-records",
      },
      { type: "spf", values: ["_spf.google.com"], source: WAPPALYZER, unverified: true },
    ],
    abuse: {
      url: "https://support.google.com/mail/contact/abuse",
      source: "https://support.google.com/mail/contact/abuse",
      unverified: true,
    },
  },
  {
    id: "microsoft-365",
    name: "Microsoft 365",
    kinds: ["email"],
    website: "https://www.microsoft.com/microsoft-365",
    signals: [
      {
        type: "mx",
        values: ["mail.protection.outlook.com", "mx.microsoft"],
        source: "https://c7solutions.com/2024/02/what-is-mx-microsoft",
      },
      {
        type: "spf",
        values: ["spf.protection.outlook.com"],
        source:
          "https://www.dev-toolbox.tech/tools/dns-record-generator/examples/mx-record-microsoft365",
      },
    ],
    abuse: { email: "abuse@microsoft.com", source: "https://rdap.arin.net/registry/ip/13.64.0.0" },
  },
  {
    id: "outlook-com",
    name: "Outlook.com",
    kinds: ["email"],
    website: "https://outlook.com",
    signals: [
      { type: "mx", values: ["olc.protection.outlook.com"], source: MXSNIFF, unverified: true },
    ],
    abuse: { email: "abuse@microsoft.com", source: "https://rdap.arin.net/registry/ip/13.64.0.0" },
  },
  {
    id: "proton-mail",
    name: "Proton Mail",
    kinds: ["email"],
    website: "https://proton.me/mail",
    signals: [
      {
        type: "mx",
        values: ["protonmail.ch"],
        source: "https://mxrecordchecker.com/resources/protonmail-mx-records",
      },
      {
        type: "spf",
        values: ["_spf.protonmail.ch"],
        source: "https://domainsecurityscanner.com/guides/proton-mail",
      },
    ],
    abuse: {
      url: "https://proton.me/support/report-abuse",
      source: "https://proton.me/support/report-abuse",
    },
  },
  {
    id: "zoho-mail",
    name: "Zoho Mail",
    kinds: ["email"],
    website: "https://www.zoho.com/mail/",
    signals: [
      {
        type: "mx",
        values: [
          "mx.zoho.com",
          "mx2.zoho.com",
          "mx3.zoho.com",
          "mx.zoho.eu",
          "mx2.zoho.eu",
          "mx.zoho.in",
          "mx.zoho.com.au",
          "mx.zoho.jp",
        ],
        source: "https://mxrecordchecker.com/resources/zoho-mx-records",
      },
      {
        type: "spf",
        values: ["zoho.com", "zoho.eu", "zoho.in"],
        source: "https://mxrecordchecker.com/resources/zoho-mx-records",
      },
    ],
    abuse: null,
  },
  {
    id: "yandex-360",
    name: "Yandex 360",
    kinds: ["email"],
    website: "https://360.yandex.com",
    signals: [
      { type: "mx", values: ["mx.yandex.net", "mx.yandex.ru"], source: MXSNIFF },
      { type: "spf", values: ["_spf.yandex.net"], source: MXSNIFF, unverified: true },
    ],
    // RIPE inetnum 213.180.204.0/24 (YANDEX-213-180-204-0, "Yandex enterprise network"), as a
    // public whois capture shows it: "Abuse contact for … is abuse@yandex.ru".
    abuse: {
      email: "abuse@yandex.ru",
      source: "https://rdap.db.ripe.net/ip/213.180.204.0/24",
      unverified: true,
    },
  },
  {
    id: "mail-ru",
    name: "VK WorkMail (Mail.ru)",
    kinds: ["email"],
    website: "https://biz.mail.ru",
    signals: [{ type: "mx", values: ["mail.ru"], source: MXSNIFF, unverified: true }],
    abuse: null,
  },
  {
    id: "fastmail",
    name: "Fastmail",
    kinds: ["email"],
    website: "https://www.fastmail.com",
    signals: [
      { type: "mx", values: ["messagingengine.com"], source: MXSNIFF },
      { type: "spf", values: ["spf.messagingengine.com"], source: MXSNIFF, unverified: true },
    ],
    abuse: {
      url: "https://www.fastmail.com/about/reportabuse/",
      source: "https://www.fastmail.com/about/reportabuse/",
    },
  },
  {
    id: "icloud-mail",
    name: "iCloud Mail",
    kinds: ["email"],
    website: "https://www.icloud.com/mail",
    signals: [{ type: "mx", values: ["mail.icloud.com"], source: MXSNIFF }],
    // ARIN OrgAbuse POC of Apple Inc. (APPLEC-1-Z), holder of 17.0.0.0/8, from a 2026 whois capture.
    abuse: {
      email: "abuse@apple.com",
      phone: "+1-408-974-7777",
      source: "https://rdap.arin.net/registry/entity/APPLE11-ARIN",
      unverified: true,
    },
  },
  {
    id: "mimecast",
    name: "Mimecast",
    kinds: ["email"],
    website: "https://www.mimecast.com",
    signals: [{ type: "mx", values: ["mimecast.com"], source: MXSNIFF }],
    abuse: null,
  },
  {
    id: "proofpoint",
    name: "Proofpoint",
    kinds: ["email"],
    website: "https://www.proofpoint.com",
    signals: [{ type: "mx", values: ["pphosted.com", "ppe-hosted.com"], source: MXSNIFF }],
    abuse: null,
  },
  {
    id: "barracuda",
    name: "Barracuda",
    kinds: ["email"],
    website: "https://www.barracuda.com",
    signals: [{ type: "mx", values: ["barracudanetworks.com"], source: MXSNIFF }],
    abuse: null,
  },
  {
    id: "broadcom-messagelabs",
    name: "Symantec Email Security (MessageLabs)",
    kinds: ["email"],
    website: "https://www.broadcom.com",
    signals: [{ type: "mx", values: ["messagelabs.com"], source: MXSNIFF }],
    abuse: null,
  },
  {
    id: "mailgun",
    name: "Mailgun",
    kinds: ["email", "sender"],
    website: "https://www.mailgun.com",
    signals: [
      { type: "mx", values: ["mailgun.org"], source: WAPPALYZER },
      { type: "spf", values: ["mailgun.org"], source: WAPPALYZER },
    ],
    // Named in the AUP of Email on Acid, a sister Sinch brand; not yet read on mailgun.com.
    abuse: {
      email: "abuse@mailgun.com",
      source: "https://www.emailonacid.com/acceptable-use-policy",
      unverified: true,
    },
  },
  {
    id: "sendgrid",
    name: "SendGrid",
    kinds: ["email", "sender"],
    website: "https://sendgrid.com",
    signals: [
      { type: "mx", values: ["mx.sendgrid.net"], source: MXSNIFF },
      { type: "spf", values: ["sendgrid.net"], source: WAPPALYZER },
    ],
    abuse: {
      url: "https://sendgrid.com/report-spam",
      source: "https://docs-dev.vercel.app/docs/sendgrid/glossary/spam-reports.md",
      unverified: true,
    },
  },
  {
    id: "amazon-ses",
    name: "Amazon SES",
    kinds: ["email", "sender"],
    website: "https://aws.amazon.com/ses/",
    network: "aws",
    signals: [
      { type: "mx", values: ["inbound-smtp.*.amazonaws.com"], source: MXSNIFF },
      { type: "spf", values: ["amazonses.com"], source: WAPPALYZER },
    ],
    abuse: {
      email: "abuse@amazonaws.com",
      url: "https://support.aws.amazon.com/#/contacts/report-abuse",
      source: "https://support.aws.amazon.com/#/contacts/report-abuse",
      unverified: true,
    },
  },
  sender(
    "mailchimp",
    "Mailchimp (Mandrill)",
    ["servers.mcsv.net", "spf.mandrillapp.com"],
    "https://mailchimp.com/help/set-up-email-domain-authentication/",
    true,
    {
      url: "https://mailchimp.com/help/i-received-spam-from-mailchimp/",
      source: "https://mailchimp.com/help/i-received-spam-from-mailchimp/",
    },
  ),
  sender(
    "postmark",
    "Postmark",
    ["spf.mtasv.net"],
    "https://postmarkapp.com/support/article/1091-how-do-i-set-up-spf-for-postmark",
    true,
  ),
  sender(
    "sparkpost",
    "SparkPost",
    ["sparkpostmail.com"],
    "https://support.sparkpost.com/docs/getting-started/setting-up-domains",
    true,
    { email: "abuse@sparkpost.com", source: "https://bird.com/de-de/legal/report-abuse" },
  ),
];
