import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const width = Number(process.env.W ?? 1024);
const page = await browser.newPage({ viewport: { width, height: 760 } });
page.on('console', (m) => m.type() === 'error' || m.type() === 'warning' ? console.log('console', m.type(), m.text()) : null);
const base = 'http://127.0.0.1:18080';
await page.goto(base + '/login');
await page.getByLabel('Email').fill('a@b.c');
await page.getByLabel('Password').fill('correct horse battery');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL(/\/w\//);
for (const [name, path] of (process.env.PAGES ?? 'list:/w/acme/contents').split(',').map((s) => s.split(':'))) {
  await page.goto(base + path);
  await page.waitForTimeout(Number(process.env.WAIT ?? 1200));
  await page.screenshot({ path: `/tmp/shot-${name}-${width}.png`, fullPage: process.env.FULL === '1' });
}
await browser.close();
