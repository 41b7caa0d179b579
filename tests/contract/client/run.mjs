// Generates a TypeScript client from docs/api/openapi.yaml, compiles the scenario with it, and
// runs the scenario against a real server (COPYDESK_BIN) on a free loopback port with a data
// folder of its own.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const bin = process.env.COPYDESK_BIN ?? path.resolve(root, "../../build/copydesk");
const bins = path.join(root, "node_modules", ".bin");

execFileSync(path.join(bins, "openapi-typescript"), [
  path.resolve(root, "../../docs/api/openapi.yaml"), "-o", path.join(here, "generated", "api.d.ts"), "--silent",
  // A member with a default may be left out of a request.
  "--default-non-nullable=false",
], { stdio: ["ignore", "ignore", "pipe"] }); // its lint warnings are test-contract's lint step's
execFileSync(path.join(bins, "tsc"), ["-p", path.join(root, "tsconfig.json")], { stdio: "inherit" });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const data = mkdtempSync(path.join(tmpdir(), "copydesk-client-"));
const logFile = path.join(data, "server.log");
const port = await freePort();
const log = openSync(logFile, "w");
const server = spawn(bin, ["serve", "--data", path.join(data, "data"), "--listen", `127.0.0.1:${port}`], {
  stdio: ["ignore", log, log],
});
const baseUrl = `http://127.0.0.1:${port}`;
let code = 0;
try {
  let ready = false;
  for (let i = 0; i < 100 && !ready; i++) {
    try {
      ready = (await fetch(`${baseUrl}/readyz`)).ok;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  if (!ready) throw new Error(`the server did not get ready on ${baseUrl}`);
  const { runScenario } = await import(path.join(here, "generated", "js", "scenario.js"));
  const steps = await runScenario(baseUrl);
  console.log(`generated client: ${steps.join(" → ")}`);
} catch (error) {
  console.error(`generated client: ${error.message}`);
  console.error(readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n"));
  code = 1;
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(data, { recursive: true, force: true });
}
process.exit(code);
