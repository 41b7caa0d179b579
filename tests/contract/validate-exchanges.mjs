// Holds every HTTP exchange the API tests made (one JSON line each, written by
// tests/support/http_client.cpp when COPYDESK_API_EXCHANGES names a file) against
// docs/api/openapi.yaml:
//   - the path and method are documented (or the answer is the router's 404, or a 405 whose
//     `Allow` lists exactly the documented methods);
//   - the status is documented for the operation;
//   - the body has a documented media type and is valid against its schema (JSON Schema 2020-12,
//     strict: every object schema must say whether it is closed, see spec.mjs);
//   - every header sent is described (on the response, or among the headers every answer carries),
//     sent once, valid against its schema; required ones are there;
//   - the bad-input rule of info.description: a body accepted or refused with 422 has the request
//     schema's shape, a body refused with 400 fails the request schema (so the description is
//     neither stricter nor looser than the server).
// Each violation is printed once with its operation, status, JSON pointer, count and an example
// test. Then it reports coverage: operations and operation/status pairs seen.
//
// Usage: node validate-exchanges.mjs <exchanges.jsonl> [--coverage-file FILE] [--partial]
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { loadSpec, resolveRef, operationsOf, makeAjv, schemaProblems } from "./spec.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const exchangesFile = args[0];
const coverageIndex = args.indexOf("--coverage-file");
// --partial: the exchanges of some tests only (a filtered run); every operation need not appear.
const partial = args.includes("--partial");
const coverageFile =
  coverageIndex >= 0 ? args[coverageIndex + 1] : path.join(path.dirname(exchangesFile ?? "."), "api-coverage.txt");

if (!exchangesFile || !existsSync(exchangesFile)) {
  console.error(
    `validate-exchanges: no exchanges file (${exchangesFile ?? "none given"}); ` +
      "run the API tests with COPYDESK_API_EXCHANGES=<file> first (make test-unit does).",
  );
  process.exit(2);
}

const specFile = path.resolve(here, "../../docs/api/openapi.yaml");
const spec = loadSpec(specFile);
const failures = new Map(); // one entry per distinct violation, with how often and where
let failureCount = 0;

function fail(where, pointer, message, exchange) {
  failureCount++;
  const key = `${where}\u0000${pointer}\u0000${message}`;
  const entry = failures.get(key);
  if (entry) {
    entry.count++;
    return;
  }
  failures.set(key, {
    where,
    pointer,
    message,
    count: 1,
    example: exchange ? `${exchange.method} ${exchange.target} in ${exchange.test ?? "?"}` : "",
  });
}

// The description itself: no member left null by a cut YAML flow mapping, every object schema
// says whether it is closed.
for (const problem of schemaProblems(spec)) fail("docs/api/openapi.yaml", problem.pointer, problem.message);

// True when every field a 400 names is one of the operation's parameters (`If-Match`, `n`).
function refusesOnlyParameters(op, exchange) {
  let fields;
  try {
    fields = (JSON.parse(exchange.body).errors ?? []).map((e) => String(e.field).toLowerCase());
  } catch {
    return false;
  }
  const names = new Set(
    [...(op.parameters ?? []), ...(op.pathParameters ?? [])].map((p) => String(resolveRef(spec, p).name).toLowerCase()),
  );
  return fields.length > 0 && fields.every((field) => names.has(field));
}

// The schema without its value rules (lengths, ranges, patterns, allowed values): what a body
// must be for the server to read it, members, types, required ones and formats.
const kValueRules = new Set([
  "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "multipleOf", "minItems", "maxItems", "uniqueItems", "enum", "const", "minProperties", "maxProperties",
]);
function shapeOf(schema) {
  if (Array.isArray(schema)) return schema.map(shapeOf);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (kValueRules.has(key)) continue;
    // A date or time that does not parse is 400; other formats (an e-mail address) are values.
    if (key === "format" && value !== "date" && value !== "date-time") continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
      out.$ref = "#/components/schemas/" + "Shape" + value.slice("#/components/schemas/".length);
      continue;
    }
    // Without their values, branches told apart by a value may all match.
    out[key === "oneOf" ? "anyOf" : key] = key === "properties" || key === "$defs" ? mapValues(value, shapeOf) : shapeOf(value);
  }
  return out;
}
function mapValues(object, f) {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, f(v)]));
}
for (const [name, schema] of Object.entries(spec.components.schemas)) {
  spec.components.schemas["Shape" + name] = shapeOf(schema);
}

const ajv = makeAjv(spec);
const operations = operationsOf(spec);

// Headers every API answer carries, described once in info.description.
const commonHeaders = new Set([
  "content-type",
  "content-length",
  "connection",
  "date",
  "server",
  "x-request-id",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "content-security-policy",
]);

const seen = new Map(); // "METHOD template" -> Set of statuses
const validators = new Map();
function validatorFor(schema, id) {
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(id, validate);
  }
  return validate;
}

// The statuses info.description says any operation may give, each with its shared response.
function anyOperation(exchange) {
  if (exchange.status === 500) return spec.components.responses.InternalError;
  if (exchange.status === 503) return spec.components.responses.Unavailable;
  if (exchange.status === 400 && !decodes(exchange.target.split("?")[0])) return spec.components.responses.BadRequest;
  return undefined;
}

function decodes(pathname) {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function findOperation(method, pathname) {
  let wrongMethod = null;
  for (const entry of operations.paths) {
    if (!entry.regex.test(pathname)) continue;
    const op = entry.methods.get(method);
    if (op) return { op, entry };
    wrongMethod ??= entry;
  }
  return { op: null, entry: wrongMethod };
}

function mediaType(value) {
  return (value ?? "").split(";")[0].trim().toLowerCase();
}

// The entry of `content` for a media type: exact, else its range (`image/*`), else `*/*`, as
// OpenAPI reads media type ranges (a raw upload or a download takes any type).
function mediaEntry(content, type) {
  if (!content) return undefined;
  return content[type] ?? content[`${type.split("/")[0]}/*`] ?? (type ? content["*/*"] : undefined);
}

function isJson(type) {
  return type === "application/json" || type.endsWith("+json");
}

function checkBody(where, response, exchange, contentType) {
  const content = response.content;
  if (!content) {
    if (exchange.body.length > 0 && exchange.method !== "HEAD") {
      fail(where, "", `sends a body (${contentType || "no Content-Type"}) but the response documents none`, exchange);
    }
    return;
  }
  if (exchange.method === "HEAD") return;
  const media = mediaEntry(content, contentType);
  if (!media) {
    fail(where, "", `Content-Type ${contentType || "(none)"} is not one of ${Object.keys(content).join(", ")}`, exchange);
    return;
  }
  if (!media.schema) return;
  if (!isJson(contentType)) return; // text and binary bodies: the media type is the contract
  let body;
  try {
    body = JSON.parse(exchange.body);
  } catch {
    fail(where, "", `body is not JSON although sent as ${contentType}`, exchange);
    return;
  }
  const validate = validatorFor(media.schema, `${where} ${contentType}`);
  if (!validate(body)) {
    for (const error of validate.errors) {
      fail(where, error.instancePath || "/", describeError(error), exchange);
    }
  }
}

function describeError(error) {
  const schemaPath = error.schemaPath.replace(/^.*?#/, "#");
  switch (error.keyword) {
    case "additionalProperties":
      return `member "${error.params.additionalProperty}" is not in the schema (${schemaPath})`;
    case "unevaluatedProperties":
      return `member "${error.params.unevaluatedProperty}" is not in the schema (${schemaPath})`;
    case "required":
      return `required member "${error.params.missingProperty}" is missing (${schemaPath})`;
    default:
      return `${error.message} (${schemaPath})`;
  }
}

function checkHeaders(where, response, exchange) {
  const documented = new Map();
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    documented.set(name.toLowerCase(), resolveRef(spec, header));
  }
  const sent = new Map();
  for (const [name, value] of exchange.headers) {
    const lower = name.toLowerCase();
    if (!sent.has(lower)) sent.set(lower, []);
    sent.get(lower).push(value);
  }
  for (const [name, values] of sent) {
    if (values.length > 1 && name !== "set-cookie") {
      fail(where, `header ${name}`, `sent ${values.length} times (${values.join(" | ")})`, exchange);
    }
    const header = documented.get(name);
    if (!header) {
      // Cache-Control: no-store is on every API answer; another value must be described.
      if (commonHeaders.has(name) || (name === "cache-control" && values.every((v) => v === "no-store"))) continue;
      fail(where, `header ${name}`, "sent but not described for this response", exchange);
      continue;
    }
    if (!header.schema) continue;
    const validate = validatorFor(header.schema, `${where} header ${name}`);
    for (const value of values) {
      const typed = header.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
      if (!validate(typed)) {
        fail(where, `header ${name}`, `value ${JSON.stringify(value)} ${validate.errors[0].message}`, exchange);
      }
    }
  }
  for (const [name, header] of documented) {
    if (header.required && !sent.has(name)) fail(where, `header ${name}`, "required but not sent", exchange);
  }
}

// The one rule for bad input (info.description): 400 when the body is not what the request
// schema describes (malformed, an unknown member, a wrong type, a missing required member, a
// malformed date), 422 when it is but a value is refused. So a body the server accepted, or
// refused with 422, must pass the schema's shape; one it refused with 400 must fail the schema.
function checkRequest(where, op, exchange) {
  if (exchange.request_body === undefined) return;
  const accepted = exchange.status >= 200 && exchange.status <= 299;
  if (!accepted && exchange.status !== 400 && exchange.status !== 422) return;
  const requestBody = resolveRef(spec, op.requestBody);
  if (!requestBody) {
    // An empty object is what a client sends for "no body"; anything else is a member no one reads.
    if (accepted && exchange.request_body.trim() !== "" && exchange.request_body.trim() !== "{}") {
      fail(where, "request", "accepted a body the operation does not document", exchange);
    }
    return;
  }
  const type = mediaType(exchange.request_type);
  const media = mediaEntry(requestBody.content, type);
  if (!media) {
    if (accepted) fail(where, "request", `accepted a body sent as ${type}, not one of ${Object.keys(requestBody.content).join(", ")}`, exchange);
    return;
  }
  if (!media.schema || !isJson(type)) return;
  let body;
  try {
    body = JSON.parse(exchange.request_body);
  } catch {
    return;
  }
  // Invalid UTF-8 reaches this file as U+FFFD, or a JSON escape as a lone surrogate: such a body
  // is refused before its schema matters.
  if (exchange.request_body.includes("\uFFFD") || /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/.test(exchange.request_body)) return;
  if (exchange.status === 400) {
    if (refusesOnlyParameters(op, exchange)) return; // a header or parameter was wrong, not the body
    const validate = validatorFor(media.schema, `request ${op.operationId} ${type}`);
    if (validate(body)) {
      fail(where, "request", `refused with 400 a body the request schema accepts: the schema is looser than the server, or the answer should be 422 (body ${exchange.request_body.slice(0, 200)})`, exchange);
    }
    return;
  }
  const validate = validatorFor(shapeOf(media.schema), `request shape ${op.operationId} ${type}`);
  if (!validate(body)) {
    const verb = accepted ? "accepted" : "refused with 422 (it should be 400)";
    for (const error of validate.errors) {
      fail(where, `request ${error.instancePath || "/"}`, `the server ${verb} a body the schema refuses: ${describeError(error)}`, exchange);
    }
  }
}


const lines = readFileSync(exchangesFile, "utf8").split("\n").filter((line) => line.trim() !== "");
let checked = 0;
for (const line of lines) {
  let exchange;
  try {
    exchange = JSON.parse(line);
  } catch {
    fail(exchangesFile, "", "a line is not JSON (a torn write?)");
    continue;
  }
  const pathname = exchange.target.split("?")[0];
  if (!operations.isApiPath(pathname)) continue; // the web app's files
  checked++;
  const method = exchange.method.toUpperCase();
  const contentType = mediaType(exchange.headers.find(([name]) => name.toLowerCase() === "content-type")?.[1]);
  const { op, entry } = findOperation(method, pathname);
  if (!op) {
    if (entry) {
      // A documented path, an undocumented method: 405 with the documented methods in Allow.
      const where = `${method} ${entry.template} (no such operation)`;
      if (exchange.status !== 405) {
        fail(where, "", `answered ${exchange.status}; an undocumented method must get 405`, exchange);
        continue;
      }
      const allow = exchange.headers.find(([name]) => name.toLowerCase() === "allow")?.[1] ?? "";
      const allowed = new Set(allow.split(",").map((m) => m.trim()).filter(Boolean));
      const expected = new Set([...entry.methods.keys()]);
      const missing = [...expected].filter((m) => !allowed.has(m));
      const extra = [...allowed].filter((m) => !expected.has(m));
      if (missing.length || extra.length) {
        fail(where, "header allow", `Allow: ${allow} differs from the documented methods ${[...expected].join(", ")}`, exchange);
      }
      const response = resolveRef(spec, spec.components.responses.MethodNotAllowed);
      checkHeaders(where, response, exchange);
      checkBody(where, response, exchange, contentType);
    } else if (exchange.status === 404) {
      const response = resolveRef(spec, spec.components.responses.NoSuchResource);
      checkHeaders(`${method} ${pathname} (no such path)`, response, exchange);
      checkBody(`${method} ${pathname} (no such path)`, response, exchange, contentType);
    } else {
      fail(`${method} ${pathname}`, "", `no documented path matches, yet it answered ${exchange.status}`, exchange);
    }
    continue;
  }
  const key = `${method} ${entry.template}`;
  if (!seen.has(key)) seen.set(key, new Set());
  seen.get(key).add(String(exchange.status));
  const where = `${key} (${op.operationId}) → ${exchange.status}`;
  const responses = op.responses ?? {};
  const status = String(exchange.status);
  const response = resolveRef(
    spec,
    responses[status] ?? responses[`${status[0]}XX`] ?? responses.default ?? anyOperation(exchange),
  );
  if (!response) {
    fail(where, "", `status ${status} is not documented (documented: ${Object.keys(responses).join(", ")})`, exchange);
    continue;
  }
  checkHeaders(where, response, exchange);
  checkBody(where, response, exchange, contentType);
  checkRequest(where, op, exchange);
}

// Coverage: which operations and documented statuses the run exercised.
let pairs = 0;
let pairsSeen = 0;
let opsSeen = 0;
const uncovered = [];
for (const entry of operations.paths) {
  for (const [method, op] of entry.methods) {
    const key = `${method} ${entry.template}`;
    const statuses = seen.get(key) ?? new Set();
    if (statuses.size > 0) opsSeen++;
    const missing = [];
    for (const status of Object.keys(op.responses ?? {})) {
      pairs++;
      if (statuses.has(status)) pairsSeen++;
      else missing.push(status);
    }
    if (statuses.size === 0 && !partial) fail(key, "", `${op.operationId} was never called by the API tests`);
    if (missing.length) uncovered.push(`${key} (${op.operationId}): ${missing.join(" ")}${statuses.size ? "" : "  [never called]"}`);
  }
}
writeFileSync(
  coverageFile,
  `Documented statuses no API test exercised (operation: statuses)\n${uncovered.join("\n")}\n`,
);

const total = operations.count;
console.log(
  `contract: ${checked} exchanges checked; operations exercised ${opsSeen}/${total}; ` +
    `operation/status pairs ${pairsSeen}/${pairs} (the rest listed in ${path.relative(process.cwd(), coverageFile)})`,
);
if (failures.size > 0) {
  console.error(`\ncontract: ${failureCount} violations of docs/api/openapi.yaml (${failures.size} distinct):`);
  for (const f of failures.values()) {
    console.error(`- ${f.where}${f.pointer ? ` at ${f.pointer}` : ""}: ${f.message}`);
    console.error(`    ${f.count}×, e.g. ${f.example}`);
  }
  process.exit(1);
}
console.log("contract: every exchange matches docs/api/openapi.yaml");
