"use client";
// A clock for ages and countdowns: the current time, refreshed every `intervalMs` (one timer per component).
import { useEffect, useState } from "react";

/** The current epoch ms, updated every `intervalMs`. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
