/** How the readers (Okta, Statsig) write counts, sizes and durations in their messages. */

/** 1,234,567 */
export const formatCount = (n: number): string => n.toLocaleString("en-US");

/** 32 MiB, 1.5 KiB, 300 B */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** 30 s, 0.5 s, 60 min */
export function formatDuration(ms: number): string {
  if (ms >= 120_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${+(ms / 1000).toFixed(1)} s`;
}
