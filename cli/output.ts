// CLI output: human text or `--json` on stdout; diagnostics on stderr.

/** Prints a result: JSON when `json`, else the human lines. */
export function printResult(json: boolean, data: unknown, human: string[]): void {
  process.stdout.write(json ? `${JSON.stringify(data)}\n` : `${human.join("\n")}\n`);
}

/** Prints a diagnostic line on stderr. */
export function note(msg: string): void {
  process.stderr.write(`${msg}\n`);
}
