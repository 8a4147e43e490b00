// Benchmark child process: the baseline for single-event POSTs — a plain node:http server that reads the body
// and answers 202 {"accepted":1,"duplicates":0} (400 when it is empty); listens on 127.0.0.1:<argv[2] or 0>, prints "ready <port>".
import http from "node:http";
import type { AddressInfo } from "node:net";

const REPLY = JSON.stringify({ accepted: 1, duplicates: 0 });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const status = Buffer.concat(chunks).length > 0 ? 202 : 400;
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(REPLY) });
    res.end(REPLY);
  });
});
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", resolve));
process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);

process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
