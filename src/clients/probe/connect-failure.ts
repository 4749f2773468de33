import { type ErrorCode, errorCode, errorMessage, HostscanError } from "../errors.js";

/**
 * An error raised while opening a connection (lookup, guard, TCP, proxy, TLS handshake), before
 * any byte of HTTP: the probe falls back from HTTPS to HTTP only on these.
 */
export class ConnectFailure extends HostscanError {
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = "ConnectFailure";
  }

  /** Wraps any error met while connecting, keeping its stable code and cause. */
  static from(err: unknown, where: string): ConnectFailure {
    if (err instanceof ConnectFailure) return err;
    return new ConnectFailure(errorCode(err), `${where}: ${errorMessage(err)}`, { cause: err });
  }
}

/** The ConnectFailure somewhere in an error's cause chain, if any. */
export function findConnectFailure(err: unknown): ConnectFailure | null {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof ConnectFailure) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return null;
}
