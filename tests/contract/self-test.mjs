// The validator must fail on what the description does not say: fed exchanges that each break it
// in one way (a member, a status, a header, a route the description lacks), it must name each,
// with the operation, the status and where.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const common = [
  ["Content-Type", "application/json"],
  ["X-Request-Id", "r1"],
  ["Cache-Control", "no-store"],
];
const exchange = (method, target, status, body, headers = common) => ({
  test: "SelfTest.Case",
  method,
  target,
  status,
  headers,
  body: JSON.stringify(body),
});
const cases = [
  [exchange("GET", "/api/v1/setup", 200, { needed: true, password_reset: "admin", hint: "x" }), 'GET /api/v1/setup (getSetup) → 200 at /: member "hint" is not in the schema'],
  [exchange("GET", "/api/v1/setup", 418, { type: "t", title: "t", status: 418, detail: "d" }), "GET /api/v1/setup (getSetup) → 418: status 418 is not documented"],
  [exchange("GET", "/api/v1/setup", 200, { needed: true, password_reset: "admin" }, [...common, ["Cache-Control", "no-store"]]), "at header cache-control: sent 2 times"],
  [exchange("GET", "/api/v1/setup", 200, { needed: true, password_reset: "admin" }, [...common, ["X-Webhook-Secret", "s"]]), "at header x-webhook-secret: sent but not described"],
  [exchange("GET", "/api/v1/workspaces/w/no-such-things", 200, { items: [] }), "GET /api/v1/workspaces/w/no-such-things: no documented path matches, yet it answered 200"],
  [exchange("GET", "/api/v1/setup", 200, {}), 'required member "needed" is missing'],
];

const dir = mkdtempSync(path.join(tmpdir(), "copydesk-contract-"));
const file = path.join(dir, "exchanges.jsonl");
writeFileSync(file, cases.map(([e]) => JSON.stringify(e)).join("\n") + "\n");
let output = "";
let failed = false;
try {
  execFileSync("node", [path.join(here, "validate-exchanges.mjs"), file, "--partial"], { stdio: "pipe" });
} catch (error) {
  failed = true;
  output = `${error.stdout}${error.stderr}`;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const missed = cases.filter(([, expected]) => !output.includes(expected)).map(([, expected]) => expected);
if (!failed || missed.length > 0) {
  console.error(`contract self-test: the validator ${failed ? "did not report" : "passed exchanges that break the description; missing"}:`);
  for (const m of missed) console.error(`- ${m}`);
  console.error(output);
  process.exit(1);
}
console.log(`contract self-test: the validator reports each of ${cases.length} kinds of drift`);
