import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const base = 'http://127.0.0.1:18080';
await page.goto(base + '/login');
await page.getByLabel('Email').fill('a@b.c');
await page.getByLabel('Password').fill('correct horse battery');
await page.getByRole('button', { name: 'Log in' }).click();
await page.waitForURL(/\/w\//);
for (let run = 0; run < 3; run++) {
await page.goto(base + '/w/acme/contents/' + process.argv[2]);
await page.getByRole('textbox', { name: 'Body' }).waitFor();
await page.waitForTimeout(500);
const data = await page.evaluate(() => new Promise((done) => new PerformanceObserver((list) => { const e = list.getEntries(); done({ lcp: e[e.length - 1].startTime, el: e[e.length-1].element?.tagName + '.' + e[e.length-1].element?.className, res: performance.getEntriesByType('resource').map((r) => [r.name.replace(/.*\//, ''), Math.round(r.startTime), Math.round(r.responseEnd)]) }); }).observe({ type: 'largest-contentful-paint', buffered: true })));
console.log(JSON.stringify(data));
}
await browser.close();
