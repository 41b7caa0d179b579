#!/usr/bin/env node
// A stand-in for `copydesk serve` that follows the API contract of the foundation stage (setup,
// login, me, logout), in memory. It lets the web app and its e2e test be worked on without the C++
// server: `COPYDESK_BIN=e2e/contract-server.mjs npm run e2e`, or
// `node e2e/contract-server.mjs serve --listen 127.0.0.1:8080` beside `npm run dev`.
// The real tests run against build/copydesk; when the two disagree, the real server is right.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
if (args[0] !== 'serve') {
  console.error('usage: contract-server.mjs serve --listen HOST:PORT [--web-dir DIR] [--data DIR]');
  process.exit(2);
}
function flag(name, fallback) {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
}
const [host, port] = flag('listen', '127.0.0.1:8080').split(':');
const webDir = flag('web-dir', null);
const maxFailures = Number(process.env.CONTRACT_MAX_LOGIN_FAILURES ?? 5);

const log = (fields) =>
  console.error(JSON.stringify({ time: new Date().toISOString(), ...fields }));

const users = []; // { id, email, name, language, password }
const memberships = []; // { userId, workspace, role }
const sessions = new Map(); // token → { userId, csrf }
let failures = 0;

function problem(res, status, title, extra = {}, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title, status, errors: [], ...extra }));
}
function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
function publicUser(u) {
  return { id: u.id, email: u.email, name: u.name, language: u.language };
}
function meBody(user, session) {
  return {
    user: publicUser(user),
    memberships: memberships
      .filter((m) => m.userId === user.id)
      .map((m) => ({ workspace: m.workspace, role: m.role })),
    csrf_token: session.csrf,
  };
}
function openSession(user) {
  const token = randomBytes(24).toString('hex');
  const session = { userId: user.id, csrf: randomBytes(24).toString('hex') };
  sessions.set(token, session);
  return {
    session,
    cookie: `copydesk_session=${token}; Path=/; HttpOnly; SameSite=Lax`,
  };
}
function currentSession(req) {
  const match = /(?:^|;\s*)copydesk_session=([^;]+)/.exec(req.headers.cookie ?? '');
  const session = match ? sessions.get(match[1]) : undefined;
  return session ? { token: match[1], session } : null;
}
async function readJson(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  try {
    return JSON.parse(body || '{}');
  } catch {
    return null;
  }
}
function slugify(name) {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'workspace'
  );
}

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};
function serveStatic(req, res) {
  if (!webDir) return problem(res, 404, 'Not Found');
  const url = new URL(req.url, 'http://x');
  const root = resolve(webDir);
  let file = normalize(join(root, decodeURIComponent(url.pathname)));
  if (!file.startsWith(root)) return problem(res, 404, 'Not Found');
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // Client-side routes: every unknown path that is not a file gets the app.
    if (url.pathname.startsWith('/assets/')) return problem(res, 404, 'Not Found');
    file = join(root, 'index.html');
  }
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

async function handle(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const method = req.method;
  const auth = currentSession(req);
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && auth) {
    if (req.headers['x-csrf-token'] !== auth.session.csrf)
      return problem(res, 403, 'CSRF token missing or wrong');
  }

  if (path === '/api/v1/setup' && method === 'GET')
    return json(res, 200, { needed: users.length === 0 });
  if (path === '/api/v1/setup' && method === 'POST') {
    if (users.length > 0) return problem(res, 409, 'Already set up');
    const body = await readJson(req);
    if (!body) return problem(res, 400, 'Malformed JSON');
    const errors = [];
    for (const field of ['email', 'name', 'password', 'workspace_name']) {
      if (typeof body[field] !== 'string' || body[field].trim() === '')
        errors.push({ field, message: 'is required' });
    }
    if (typeof body.password === 'string' && [...body.password].length < 12)
      errors.push({ field: 'password', message: 'must be at least 12 characters' });
    if (!['en', 'fr'].includes(body.language))
      errors.push({ field: 'language', message: 'must be en or fr' });
    if (errors.length) return problem(res, 422, 'Invalid input', { errors });
    const user = {
      id: randomUUID(),
      email: body.email,
      name: body.name,
      language: body.language,
      password: body.password,
    };
    const workspace = {
      id: randomUUID(),
      slug: slugify(body.workspace_name),
      name: body.workspace_name,
      language: body.language,
    };
    users.push(user);
    memberships.push({ userId: user.id, workspace, role: 'owner' });
    const { session, cookie } = openSession(user);
    return json(
      res,
      201,
      { user: publicUser(user), workspace, csrf_token: session.csrf },
      { 'Set-Cookie': cookie },
    );
  }
  if (path === '/api/v1/auth/login' && method === 'POST') {
    if (failures >= maxFailures)
      return problem(res, 429, 'Too many attempts', {}, { 'Retry-After': '840' });
    const body = (await readJson(req)) ?? {};
    const user = users.find((u) => u.email === body.email && u.password === body.password);
    if (!user) {
      failures += 1;
      return problem(res, 401, 'Wrong email or password');
    }
    failures = 0;
    const { session, cookie } = openSession(user);
    return json(
      res,
      200,
      { user: publicUser(user), csrf_token: session.csrf },
      { 'Set-Cookie': cookie },
    );
  }
  if (path === '/api/v1/auth/logout' && method === 'POST') {
    if (!auth) return problem(res, 401, 'Not logged in');
    sessions.delete(auth.token);
    res.writeHead(204, { 'Set-Cookie': 'copydesk_session=; Path=/; Max-Age=0' });
    return res.end();
  }
  if (path === '/api/v1/me') {
    if (!auth) return problem(res, 401, 'Not logged in');
    const user = users.find((u) => u.id === auth.session.userId);
    if (method === 'GET') return json(res, 200, meBody(user, auth.session));
    if (method === 'PATCH') {
      const body = (await readJson(req)) ?? {};
      if (body.language !== undefined && !['en', 'fr'].includes(body.language))
        return problem(res, 422, 'Invalid input', {
          errors: [{ field: 'language', message: 'must be en or fr' }],
        });
      if (typeof body.name === 'string') user.name = body.name;
      if (body.language) user.language = body.language;
      return json(res, 200, meBody(user, auth.session));
    }
  }
  if (path.startsWith('/api/')) return problem(res, 404, 'Not Found');
  return serveStatic(req, res);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    log({ level: 'error', msg: 'request failed', error: String(error) });
    problem(res, 500, 'Internal Server Error');
  });
});
server.listen(Number(port), host, () => {
  const address = server.address();
  log({ level: 'info', msg: 'listening', address: `${address.address}:${address.port}` });
});
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
