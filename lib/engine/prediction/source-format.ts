// Number formatting for reasoning text.

/** A number with at most two decimals. */
export const fmt = (x: number): string => String(Math.round(x * 100) / 100);
