import type { Socket } from "node:net";
import { isIPv4, isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";
import { HostscanError } from "../errors.js";

// Proxy handshakes over an already-connected socket, so the probe's own connector keeps
// control of TLS (and sees the certificate) behind a proxy too.

// Reads from a socket until `done(buffer)` returns a length to consume, with a size cap.
function readUntil(
  socket: Socket,
  done: (buf: Buffer) => number | null,
  cap: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const cleanup = () => {
      socket.off("data", onData);
      socket.off("error", onError);
      socket.off("close", onClose);
      socket.pause();
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const n = done(buf);
      if (n !== null) {
        cleanup();
        if (buf.length > n)
          reject(new HostscanError("PROXY_ERROR", "proxy sent data before the tunnel opened"));
        else resolve(buf.subarray(0, n));
      } else if (buf.length > cap) {
        cleanup();
        reject(new HostscanError("PROXY_ERROR", "proxy handshake reply too large"));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => {
      cleanup();
      reject(new HostscanError("PROXY_ERROR", "proxy closed the connection during the handshake"));
    };
    socket.on("data", onData);
    socket.on("error", onError);
    socket.on("close", onClose);
    socket.resume();
  });
}

/** Opens an HTTP CONNECT tunnel (RFC 9110 §9.3.6) to host:port through an HTTP proxy. */
export async function httpConnectTunnel(
  socket: Socket,
  host: string,
  port: number,
  auth: { username: string; password: string } | null,
): Promise<Socket> {
  const authority = isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
  const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`];
  if (auth) {
    const token = Buffer.from(`${auth.username}:${auth.password}`).toString("base64");
    lines.push(`Proxy-Authorization: Basic ${token}`);
  }
  socket.write(`${lines.join("\r\n")}\r\n\r\n`);
  const reply = await readUntil(
    socket,
    (buf) => {
      const end = buf.indexOf("\r\n\r\n");
      return end === -1 ? null : end + 4;
    },
    16 * 1024,
  );
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(reply.toString("latin1"));
  if (status?.[1] !== "200") {
    const line = reply.toString("latin1").split("\r\n")[0]?.slice(0, 100) ?? "";
    throw new HostscanError("PROXY_ERROR", `proxy refused CONNECT ${authority}: ${line}`);
  }
  return socket;
}

/** Opens a SOCKS5 tunnel (RFC 1928, user/password per RFC 1929) to host:port. */
export async function socks5Tunnel(
  socket: Socket,
  host: string,
  port: number,
  auth: { username: string; password: string } | null,
): Promise<Socket> {
  socket.write(Buffer.from(auth ? [5, 2, 0, 2] : [5, 1, 0]));
  const method = await readUntil(socket, (b) => (b.length >= 2 ? 2 : null), 64);
  if (method[0] !== 5 || (method[1] !== 0 && method[1] !== 2)) {
    throw new HostscanError(
      "PROXY_ERROR",
      "SOCKS5 proxy accepted no authentication method we offer",
    );
  }
  if (method[1] === 2) {
    if (!auth)
      throw new HostscanError("PROXY_ERROR", "SOCKS5 proxy requires a user name and password");
    const user = Buffer.from(auth.username);
    const pass = Buffer.from(auth.password);
    socket.write(
      Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([pass.length]), pass]),
    );
    const ok = await readUntil(socket, (b) => (b.length >= 2 ? 2 : null), 64);
    if (ok[1] !== 0)
      throw new HostscanError("PROXY_ERROR", "SOCKS5 proxy rejected the credentials");
  }
  let address: Buffer;
  if (isIPv4(host)) address = Buffer.from([1, ...host.split(".").map(Number)]);
  else if (isIPv6(host)) address = Buffer.from([4, ...ipaddr.IPv6.parse(host).toByteArray()]);
  else {
    const name = Buffer.from(host);
    address = Buffer.concat([Buffer.from([3, name.length]), name]);
  }
  socket.write(
    Buffer.concat([Buffer.from([5, 1, 0]), address, Buffer.from([port >> 8, port & 255])]),
  );
  const reply = await readUntil(
    socket,
    (b) => {
      if (b.length < 5) return null;
      const len = b[3] === 1 ? 4 : b[3] === 4 ? 16 : (b[4] ?? 0) + 1;
      return b.length >= 4 + len + 2 ? 4 + len + 2 : null;
    },
    512,
  );
  if (reply[1] !== 0) {
    throw new HostscanError(
      "PROXY_ERROR",
      `SOCKS5 proxy could not connect to ${host}:${port} (reply ${reply[1]})`,
    );
  }
  return socket;
}
