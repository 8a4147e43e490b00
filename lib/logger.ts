// Structured logging (pino): one root logger, child loggers per component.
import pino from "pino";
import { env } from "./env";

/** Root logger; use `logger.child({ component })` in each module. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
});

/** A logger tagged with the component name. */
export function componentLogger(component: string): pino.Logger {
  return logger.child({ component });
}
