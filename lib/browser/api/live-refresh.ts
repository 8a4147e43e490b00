// Learned patterns change with the engine's periodic learning, not with a socket event: they are polled.

/** How often the learned-patterns query refetches while shown. */
export const PATTERNS_REFRESH_MS = 10_000;
