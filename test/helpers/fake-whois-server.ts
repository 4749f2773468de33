// A port-43 WHOIS server on 127.0.0.1 (RFC 3912): reads one query line, writes the answer
// for it, closes. Answers are keyed by the lower-cased query; Buffers are sent as they are
// (for latin-1 servers); "hang" never answers; "trickle" sends one byte every `everyMs`
// (never finishing); unknown queries get a "No match" line.
import { readFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";

export type FakeWhoisAnswer = string | Buffer | { hang: true } | { trickle: true; everyMs: number };

export interface FakeWhoisServer {
  /** "127.0.0.1:port", as --whois-server and referrals take it. */
  server: string;
  port: number;
  /** Every query received, in order. */
  queries: string[];
  /** Adds or replaces an answer. */
  answer(query: string, answer: FakeWhoisAnswer): void;
  close(): Promise<void>;
}

const FIXTURES = new URL("../fixtures/whois/", import.meta.url);

/** A fixture answer from test/fixtures/whois with "{{KEY}}" placeholders filled in. */
export function whoisFixture(name: string, vars: Record<string, string> = {}): string {
  let text = readFileSync(new URL(name, FIXTURES), "utf8");
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{{${k}}}`, v);
  return text;
}

/** Starts a fake WHOIS server with the given answers. */
export async function startFakeWhoisServer(
  answers: Record<string, FakeWhoisAnswer> = {},
): Promise<FakeWhoisServer> {
  const table = new Map(Object.entries(answers).map(([k, v]) => [k.toLowerCase(), v]));
  const queries: string[] = [];
  const sockets = new Set<Socket>();
  // Half-open: the client ends its side after the query; a hanging answer must not close ours.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    let buf = "";
    socket.on("data", (chunk) => {
      buf += chunk.toString("latin1");
      const end = buf.indexOf("\n");
      if (end < 0) return;
      const query = buf.slice(0, end).replace(/\r$/, "").trim();
      queries.push(query);
      const answer = table.get(query.toLowerCase()) ?? `No match for "${query.toUpperCase()}".\r\n`;
      if (typeof answer === "object" && !Buffer.isBuffer(answer)) {
        if ("trickle" in answer) {
          const timer = setInterval(() => socket.write("%"), answer.everyMs);
          socket.on("close", () => clearInterval(timer));
        }
        return; // hang, or trickle until the client gives up
      }
      socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    server: `127.0.0.1:${port}`,
    port,
    queries,
    answer: (query, answer) => {
      table.set(query.toLowerCase(), answer);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
