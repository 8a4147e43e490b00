// A value handed over inside one process from server.ts to the Next.js route handlers and pages, which Next.js bundles
// separately (their own module instances): kept on globalThis under a well-known symbol, typed by its owner.

/** Installs and reads one process-wide value. */
export type ProcessSlot<T> = {
  /** Installs the value (server.ts, and the integration-test harness); undefined clears it. */
  install(value: T | undefined): void;
  /** The installed value; throws `missing` when none is (e.g. `next dev` without server.ts). */
  get(): T;
};

/** A slot under `Symbol.for(name)`. */
export function processSlot<T>(name: string, missing: string): ProcessSlot<T> {
  const key = Symbol.for(name);
  const holder = globalThis as { [key]?: T | undefined };
  return {
    install: (value) => {
      holder[key] = value;
    },
    get: () => {
      const value = holder[key];
      if (value === undefined) throw new Error(missing);
      return value;
    },
  };
}
