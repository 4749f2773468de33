/** curl's --connect-to rule: requests for host:port go to connectHost:connectPort ("" = any). */
export interface ConnectTo {
  host: string;
  port: string;
  connectHost: string;
  connectPort: string;
}

// curl's --connect-to HOST1:PORT1:HOST2:PORT2 (https://curl.se/docs/manpage.html#--connect-to):
// requests for HOST1:PORT1 connect to HOST2:PORT2 instead, while Host, SNI and certificate checks
// keep HOST1. An empty HOST1 or PORT1 matches any; an empty HOST2 or PORT2 keeps the original.

function splitFields(spec: string): string[] {
  const fields: string[] = [];
  let cur = "";
  let inBrackets = false;
  for (const ch of spec) {
    if (ch === "[") inBrackets = true;
    if (ch === "]") inBrackets = false;
    if (ch === ":" && !inBrackets) {
      fields.push(cur);
      cur = "";
    } else cur += ch;
  }
  fields.push(cur);
  return fields;
}

function validPort(port: string): boolean {
  return port === "" || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
}

/** Parses one --connect-to value; throws an Error naming the problem when it is malformed. */
export function parseConnectTo(spec: string): ConnectTo {
  const fields = splitFields(spec.trim());
  if (fields.length !== 4) {
    throw new Error(`invalid --connect-to "${spec}": expected HOST1:PORT1:HOST2:PORT2`);
  }
  const [host, port, connectHost, connectPort] = fields.map((f) => f.trim()) as [
    string,
    string,
    string,
    string,
  ];
  if (!validPort(port) || !validPort(connectPort)) {
    throw new Error(`invalid --connect-to "${spec}": ports must be 1-65535 or empty`);
  }
  return {
    host: host
      .replace(/^\[|\]$/g, "")
      .toLowerCase()
      .replace(/\.$/, ""),
    port,
    connectHost: connectHost.replace(/^\[|\]$/g, "").toLowerCase(),
    connectPort,
  };
}

/** Where to connect for host:port — the first matching rule's destination, or null (curl order). */
export function matchConnectTo(
  rules: readonly ConnectTo[],
  host: string,
  port: number,
): { host: string; port: number; rule: ConnectTo } | null {
  const name = host
    .replace(/^\[|\]$/g, "")
    .toLowerCase()
    .replace(/\.$/, "");
  for (const rule of rules) {
    if (rule.host !== "" && rule.host !== name) continue;
    if (rule.port !== "" && Number(rule.port) !== port) continue;
    return {
      host: rule.connectHost === "" ? name : rule.connectHost,
      port: rule.connectPort === "" ? port : Number(rule.connectPort),
      rule,
    };
  }
  return null;
}
