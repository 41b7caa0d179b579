// What an integrator does with a client generated from docs/api/openapi.yaml (openapi-typescript
// for the types, openapi-fetch for the calls): first-run setup, sign in, write a content, change
// it on its ETag, move it in the workflow, comment, find it. Each step checks what came back;
// the types make a call the description does not allow fail to compile.
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./generated/api.js";

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`scenario: ${what}`);
}

export async function runScenario(baseUrl: string): Promise<string[]> {
  const steps: string[] = [];
  const session = { cookie: "", csrf: "" };
  // A browser keeps the session cookie and sends the CSRF token on writes; so does this client.
  const sessionMiddleware: Middleware = {
    onRequest({ request }) {
      if (session.cookie) request.headers.set("Cookie", session.cookie);
      if (session.csrf && request.method !== "GET") request.headers.set("X-CSRF-Token", session.csrf);
      return request;
    },
    onResponse({ response }) {
      const cookie = response.headers.get("set-cookie");
      if (cookie?.startsWith("copydesk_session=")) session.cookie = cookie.split(";")[0] ?? "";
      return response;
    },
  };
  const api = createClient<paths>({ baseUrl });
  api.use(sessionMiddleware);

  const setupState = await api.GET("/api/v1/setup");
  check(setupState.data?.needed === true, `a new server needs setup (got ${setupState.response.status})`);

  const email = "chloe.martin@example.com";
  const password = "correct horse battery";
  const setup = await api.POST("/api/v1/setup", {
    body: { email, name: "Chloé Martin", password, workspace_name: "Énergie Sud", language: "fr" },
  });
  check(setup.data, `setup answers 201 (got ${setup.response.status})`);
  const workspace = setup.data.workspace;
  steps.push(`setup: workspace ${workspace.name}`);

  session.cookie = "";
  const login = await api.POST("/api/v1/auth/login", { body: { email, password } });
  check(login.data, `login answers 200 (got ${login.response.status})`);
  session.csrf = login.data.csrf_token;
  check(session.cookie !== "", "login sets the session cookie");
  steps.push(`signed in as ${login.data.user.name}`);

  const types = await api.GET("/api/v1/workspaces/{ws}/types", { params: { path: { ws: workspace.id } } });
  check(types.data && types.data.items.length > 0, "a new workspace has content types");
  const type = types.data.items[0]!;

  const created = await api.POST("/api/v1/workspaces/{ws}/contents", {
    params: { path: { ws: workspace.id } },
    body: { type: type.key, title: "Offre solaire : les tarifs 2031", tags: ["solaire"] },
  });
  check(created.data, `creating a content answers 201 (got ${created.response.status})`);
  const content = created.data;
  const etag = created.response.headers.get("ETag");
  check(etag === `"v${content.version}"`, `the new content's ETag is its version (got ${etag})`);
  steps.push(`created ${type.key} "${content.title}" at ${etag}`);

  const patched = await api.PATCH("/api/v1/contents/{id}", {
    params: { path: { id: content.id }, header: { "If-Match": etag } },
    body: { title: "Offre solaire : les nouveaux tarifs 2031" },
  });
  check(patched.data, `a change on the current ETag answers 200 (got ${patched.response.status})`);
  check(patched.data.version > content.version, "a change makes a new version");
  const stale = await api.PATCH("/api/v1/contents/{id}", {
    params: { path: { id: content.id }, header: { "If-Match": etag } },
    body: { title: "Offre solaire : les tarifs 2031" },
  });
  check(stale.response.status === 200 || stale.response.status === 409, "a stale ETag is merged or refused");
  steps.push(`patched on ${etag}: now ${patched.response.headers.get("ETag")}`);

  const workflow = await api.GET("/api/v1/workspaces/{ws}/workflow", { params: { path: { ws: workspace.id } } });
  check(workflow.data && workflow.data.statuses.length > 1, "the workflow has several statuses");
  const next = workflow.data.statuses.find((status) => status.id !== content.status?.id)!;
  const moved = await api.POST("/api/v1/contents/{id}/status", {
    params: { path: { id: content.id } },
    body: { status: next.id, comment: "Prêt pour relecture" },
  });
  check(moved.data, `the move answers 200 (got ${moved.response.status}: ${JSON.stringify(moved.error)})`);
  check(moved.data.status?.id === next.id, "the content is in its new status");
  steps.push(`moved to ${next.name}`);

  const comment = await api.POST("/api/v1/contents/{id}/comments", {
    params: { path: { id: content.id } },
    body: { body: "Les tarifs sont-ils validés par @Chloé ?" },
  });
  check(comment.data, `commenting answers 201 (got ${comment.response.status})`);
  const threads = await api.GET("/api/v1/contents/{id}/comments", { params: { path: { id: content.id } } });
  check(threads.data?.items.some((thread) => thread.id === comment.data.id), "the comment is in the list");
  steps.push("commented");

  // The search index follows the event log: a new content is found within moments.
  let found = false;
  for (let attempt = 0; attempt < 50 && !found; attempt++) {
    const results = await api.GET("/api/v1/workspaces/{ws}/search", {
      params: { path: { ws: workspace.id }, query: { q: "tarifs solaires" } },
    });
    check(results.data, `search answers 200 (got ${results.response.status})`);
    found = results.data.items.some((hit) => hit.id === content.id);
    if (!found) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  check(found, "search finds the content (French stemming: tarifs solaires → solaire, tarif)");
  steps.push("found by search");
  return steps;
}
