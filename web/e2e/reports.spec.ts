import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { passesAxe, phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp, type Api } from './people';

// Where the time goes (issue 16): Chloé, in the Legal team herself, takes an article through
// legal validation, changes its text after the approval (which goes stale), has it approved
// again and publishes it. The report shows Legal's two decisions, the stale approval and the
// publication; in French its spreadsheet file has ";" between cells and decimal commas.

/** The article taken through the workflow; its title. */
async function articleThroughLegal(api: Api) {
  const me = await api.get<{ user: { id: string } }>('/api/v1/me');
  const teams = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/teams`,
  );
  const legal = teams.items.find((team) => team.name === 'Legal')!.id;
  await api.send('PUT', `/api/v1/workspaces/${api.slug}/teams/${legal}/members`, [me.user.id]);
  const { statuses } = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  const status = (name: string) => statuses.find((s) => s.name === name)!.id;
  const title = 'Winter tank safety';
  const article = await api.send<{ id: string; revision: number; version: number }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title, fields: { lead: 'Check your tank before the first frost.' } },
  );
  const path = `/api/v1/contents/${article.id}`;
  await api.send('POST', `${path}/status`, { status: status('Legal validation') });
  const approve = async () => {
    const current = await api.get<{ revision: number }>(path);
    await api.send('POST', `${path}/approvals`, {
      revision: current.revision,
      decision: 'approved',
    });
  };
  await approve();
  const current = await api.get<{ version: number }>(path);
  await api.send('PATCH', path, {
    base_version: current.version,
    fields: { lead: 'Check your tank before the first frost, and the gauge every week.' },
  });
  await approve();
  await api.send('POST', `${path}/status`, { status: status('Ready') });
  await api.send('POST', `${path}/status`, { status: status('Published') });
  return title;
}

async function showsTheFigures(page: Page, title: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Where the time goes' })).toBeVisible();
  const published = page.getByRole('region', { name: 'Published per channel and month' });
  await expect(published.getByRole('row', { name: /^Total/ })).toContainText('1');
  const waits = page.getByRole('region', { name: /^Waiting for each team.s approval$/ });
  // Legal decided twice: once at first, once after the text changed.
  await expect(
    waits
      .getByRole('row', { name: /^Legal/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('2');
  const stale = page.getByRole('region', { name: 'Approvals gone stale before publication' });
  await expect(stale).toContainText('1 approval went stale on a content published afterwards.');
  await expect(stale.getByRole('link', { name: title })).toBeVisible();
  const statuses = page.getByRole('region', { name: 'Time in each status' });
  await expect(statuses.getByRole('row', { name: /^Legal validation/ })).toContainText(
    /second|minute/,
  );
}

test('the report shows the figures, and its French spreadsheet file has ";" and decimal commas', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const title = await articleThroughLegal(api);
  await logIn(page, chloe);
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Reports' })
    .click();
  await showsTheFigures(page, title);
  await page.getByLabel('Period').selectOption('30');
  await expect(page.getByRole('region', { name: 'Time in each status' })).toBeVisible();
  await passesAxe(page, 'the report');

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Où passe le temps' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger pour un tableur' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^copydesk-report-.*\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\ufeff"Indicateur";"Nom";')).toBe(true);
  const lines = csv.split('\r\n');
  // Legal's wait: two decisions, median and 90th percentile in hours with a decimal comma.
  expect(
    lines.find((line) => line.startsWith('"Attente de la validation de chaque équipe";"Legal"')),
  ).toMatch(/;"2";"\d+,\d\d";"\d+,\d\d"$/);
  expect(csv).toContain(`"${title} — Legal"`);
});

test.describe('on a phone', () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test('the report reads on a phone without the page scrolling sideways', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const title = await articleThroughLegal(api);
    // On a phone the navigation is behind the menu button.
    await page.goto('/login');
    await page.getByLabel('Email').fill(chloe.email);
    await page.getByLabel('Password').fill(chloe.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Reports' }).click();
    await showsTheFigures(page, title);
    // Wide tables scroll inside their own box; the page itself never does.
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
