// Structured logging (pino): one root logger, child loggers per component. Credentials never reach the output:
// fields that carry them are censored wherever they appear (top level or one object down).
import pino from "pino";
import { env } from "./env";

const SECRET_FIELDS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "secret",
  "token",
  "key",
  "api_key",
  "webhook_secret",
  "x-swarm-medic-signature",
];

/** pino's redaction: each secret field at the top level, one level down, and in request headers. */
const REDACT_PATHS = SECRET_FIELDS.flatMap((f) => [`["${f}"]`, `*["${f}"]`, `*.headers["${f}"]`]);

/** A logger at `level` writing to `destination` (stdout by default), with secrets censored. */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    { level, base: null, timestamp: pino.stdTimeFunctions.isoTime, redact: { paths: REDACT_PATHS, censor: "[redacted]" } },
    destination,
  );
}

/** Root logger; use `logger.child({ component })` in each module. */
export const logger = createLogger(env().LOG_LEVEL);

/** A logger tagged with the component name. */
export function componentLogger(component: string): pino.Logger {
  return logger.child({ component });
}
