// Reading docs/api/openapi.yaml for the contract checks: the document, its operations as path
// patterns, an Ajv (JSON Schema 2020-12) that resolves its component schemas, and the
// description's own defects that no linter catches.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const kMethods = ["get", "put", "post", "patch", "delete", "options", "head"];
const kBase = "https://copydesk.invalid/openapi/schemas/";

export function loadSpec(file) {
  return parse(readFileSync(file, "utf8"));
}

//! Follows a local `$ref` ("#/components/…") to what it names.
export function resolveRef(spec, node) {
  let current = node;
  for (let depth = 0; current && typeof current === "object" && current.$ref && depth < 10; depth++) {
    if (!current.$ref.startsWith("#/")) throw new Error(`only local $refs are followed: ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((at, part) => at?.[part], spec);
  }
  return current;
}

//! The documented operations: each path template as a pattern, most literal first, so that
//! `/me/sessions` is preferred to `/me/{id}`.
export function operationsOf(spec) {
  const paths = [];
  let count = 0;
  for (const [template, item] of Object.entries(spec.paths)) {
    const methods = new Map();
    for (const method of kMethods) {
      if (!item[method]) continue;
      methods.set(method.toUpperCase(), { ...item[method], pathParameters: item.parameters ?? [] });
      count++;
    }
    const segments = template.split("/");
    const regex = new RegExp(
      "^" +
        segments
          // A parameter may end with a fixed suffix: "{secret}.ics".
          .map((s) => s.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^/]+"))
          .join("/") +
        "$",
    );
    const rank = segments.map((s) => (s.startsWith("{") ? "1" : "0")).join("");
    paths.push({ template, regex, methods, rank });
  }
  paths.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return {
    paths,
    count,
    isApiPath: (p) => p === "/api" || p.startsWith("/api/") || p === "/healthz" || p === "/readyz" || p === "/metrics",
  };
}

// A copy of `schema` whose `#/components/schemas/X` references name the schemas Ajv holds.
function rebase(schema) {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")) {
      out.$ref = kBase + value.slice("#/components/schemas/".length);
    } else {
      out[key] = rebase(value);
    }
  }
  return out;
}

//! An Ajv for the description's schemas: strict (unknown keywords and formats are errors), every
//! error reported, OpenAPI's own annotation keywords allowed.
export function makeAjv(spec) {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, strictTypes: false, allErrors: true });
  addFormats(ajv);
  for (const keyword of ["example", "discriminator", "xml", "externalDocs"]) ajv.addKeyword(keyword);
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    ajv.addSchema({ ...rebase(schema), $id: kBase + name });
  }
  const compile = ajv.compile.bind(ajv);
  ajv.compile = (schema) => compile(rebase(schema));
  return ajv;
}

const kSchemaMaps = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const kSchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];
const kSchemaSingles = [
  "items",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
];

function* walkSchema(schema, pointer, closedByParent = false) {
  if (!schema || typeof schema !== "object" || Array.isArray(schema)) return;
  const declares = "additionalProperties" in schema || "unevaluatedProperties" in schema;
  if (schema.properties && !declares && !closedByParent) {
    yield {
      pointer,
      message:
        "an object schema must say whether other members may come: additionalProperties: false " +
        "(or unevaluatedProperties: false over allOf), or additionalProperties: true when open on purpose",
    };
  }
  for (const key of kSchemaMaps) {
    for (const [name, sub] of Object.entries(schema[key] ?? {})) yield* walkSchema(sub, `${pointer}/${key}/${name}`);
  }
  for (const key of kSchemaLists) {
    // Branches of an allOf are closed by the parent's unevaluatedProperties.
    const closes = key !== "prefixItems" && (schema.unevaluatedProperties === false || closedByParent);
    for (const [i, sub] of (schema[key] ?? []).entries()) yield* walkSchema(sub, `${pointer}/${key}/${i}`, closes);
  }
  for (const key of kSchemaSingles) {
    if (typeof schema[key] === "object") yield* walkSchema(schema[key], `${pointer}/${key}`);
  }
}

function escape(part) {
  return String(part).replace(/~/g, "~0").replace(/\//g, "~1");
}

//! What is wrong with the description beyond what a linter reports: members left null (a
//! description with a comma in a YAML flow mapping, cut short, leaves its rest as null keys),
//! and object schemas that do not say whether they are closed.
export function* schemaProblems(spec) {
  function* nulls(node, pointer) {
    if (Array.isArray(node)) {
      for (const [i, value] of node.entries()) yield* nulls(value, `${pointer}/${i}`);
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const at = `${pointer}/${escape(key)}`;
        if (key === "example" || key === "examples") continue; // null is a fine example value
        if (value === null) yield { pointer: `#${at}`, message: "null member: a cut description? quote it" };
        else yield* nulls(value, at);
      }
    }
  }
  yield* nulls(spec, "");
  // A component may leave closing to the schemas that use it (`ContentInputCommon`, shared by
  // create and change), when every use is a branch of an allOf closed by unevaluatedProperties.
  const uses = new Map(); // component name -> [closed by its parent?]
  function* noteUses(node, closing) {
    if (Array.isArray(node)) {
      for (const value of node) yield* noteUses(value, closing);
      return;
    }
    if (!node || typeof node !== "object") return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/schemas/")) {
      const name = node.$ref.slice("#/components/schemas/".length);
      if (!uses.has(name)) uses.set(name, []);
      uses.get(name).push(closing);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "allOf" && Array.isArray(value)) {
        const closes = node.unevaluatedProperties === false;
        for (const branch of value) {
          if (branch && typeof branch === "object" && branch.$ref) yield* noteUses(branch, closes);
          else yield* noteUses(branch, false);
        }
      } else if (value && typeof value === "object") {
        yield* noteUses(value, false);
      }
    }
  }
  for (const _ of noteUses(spec, false));
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    const used = uses.get(name) ?? [];
    const closedByUsers = used.length > 0 && used.every((closing) => closing);
    yield* walkSchema(schema, `#/components/schemas/${name}`, closedByUsers);
  }
  function* inline(node, pointer) {
    if (Array.isArray(node)) {
      for (const [i, value] of node.entries()) yield* inline(value, `${pointer}/${i}`);
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const at = `${pointer}/${escape(key)}`;
        if (key === "schema" && value && typeof value === "object") yield* walkSchema(value, `#${at}`);
        else yield* inline(value, at);
      }
    }
  }
  yield* inline(spec.paths, "/paths");
  yield* inline(spec.components?.responses, "/components/responses");
}
