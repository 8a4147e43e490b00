// Stopgap freshness for the history screens until socket events patch their cache: poll every 10 s.

/** How often the healing and prediction queries refetch while shown. */
export const LIVE_REFRESH_MS = 10_000;
