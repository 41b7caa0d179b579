import { test as base, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Each test gets its own `copydesk serve` on a fresh data directory and a free port, serving the
// built app from web/dist. The binary is ../build/copydesk unless COPYDESK_BIN says otherwise.

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distDir = join(webDir, 'dist');
const binary = resolve(webDir, process.env.COPYDESK_BIN ?? join('..', 'build', 'copydesk'));

export interface RunningServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(binary)) {
    throw new Error(`copydesk binary not found at ${binary}: build it, or set COPYDESK_BIN`);
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`${distDir} has no index.html: run npm run build first`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
  const child = spawn(
    binary,
    ['serve', '--data', dataDir, '--listen', '127.0.0.1:0', '--web-dir', distDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const address = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`the server did not say it was listening within 20 s:\n${log}`)),
      20_000,
    );
    let pending = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log += text;
      pending += text;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as { msg?: unknown; address?: unknown };
          if (entry.msg === 'listening' && typeof entry.address === 'string') {
            clearTimeout(timer);
            done(entry.address);
          }
        } catch {
          // Not a JSON log line; kept in the log all the same.
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`the server exited (${code ?? signal}) before listening:\n${log}`));
    });
  });

  return {
    url: `http://${address}`,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Chromium reports every 4xx answer as a console error; these ones are the app working as meant
// (the /me probe before login, a wrong password, the login rate limit, a save that met someone
// else's, a request made while a test has cut the network).
const expectedConsoleErrors =
  /Failed to load resource: (the server responded with a status of (401|409|429)\b|net::ERR_INTERNET_DISCONNECTED)/;

export const test = base.extend<{
  server: RunningServer;
  /** More console errors a spec expects (a guest opening a content not shared with them: 404). */
  expectedConsole: RegExp | null;
}>({
  expectedConsole: [null, { option: true }],
  server: async ({}, use, testInfo) => {
    const server = await startServer();
    await use(server);
    await server.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      const path = testInfo.outputPath('server.log');
      writeFileSync(path, server.log());
      await testInfo.attach('server.log', { path, contentType: 'text/plain' });
    }
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  page: async ({ page, expectedConsole }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      const kind = message.type();
      const text = message.text();
      if (
        (kind === 'error' || kind === 'warning') &&
        !expectedConsoleErrors.test(text) &&
        !expectedConsole?.test(text)
      ) {
        problems.push(`console: ${text}`);
      }
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await use(page);
    expect(problems, 'errors in the browser console').toEqual([]);
  },
});

export { expect };
