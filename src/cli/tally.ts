/** The line a batch ends with on a terminal: "hostscan: 16 scanned, 1 failed, 12.3 s". */
export function tallyLine(s: { scanned: number; failed: number; elapsedMs: number }): string {
  const seconds = s.elapsedMs / 1000;
  const time =
    seconds < 60
      ? `${seconds.toFixed(1)} s`
      : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `hostscan: ${s.scanned} scanned, ${s.failed} failed, ${time}\n`;
}
