/**
 * Waiting for the server to finish what it was given. autocannon stops at the
 * end of a run without waiting for the answers in flight, and the server still
 * works through them: after a slow endpoint under 20 clients that backlog is
 * seconds long and would land in the next row's figures.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `/readyz` (a database round trip) answers quickly three times in a row. */
export async function settle(base: string, maxSeconds = 300): Promise<void> {
  const deadline = Date.now() + maxSeconds * 1000;
  let quick = 0;
  while (quick < 3 && Date.now() < deadline) {
    const t = performance.now();
    try {
      await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(maxSeconds * 1000) });
    } catch {
      // still busy or restarting: keep waiting until the deadline
    }
    quick = performance.now() - t < 100 ? quick + 1 : 0;
    await sleep(100);
  }
}
