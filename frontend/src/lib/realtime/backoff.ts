/**
 * Exponential back-off with full jitter (docs/websocket-protocol.md): a random wait between 0 and
 * min(cap, base × 2^(attempt − 1)). The randomness spreads the reconnects of thousands of clients after an
 * instance restart instead of having them arrive together.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random, baseMs = 500, capMs = 30_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
