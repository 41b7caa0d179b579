import type { APIRequestContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { fitsTheWindow, passesAxe, phone } from './checks';
import { expect, test } from './fixtures';

// Chloé subscribes to her work from My work: the dialog shows the calendar's link once; a
// calendar app's fetch of it (the page's request context) is a calendar ical.js reads, with her
// content on its day. On her account page she revokes it, and the link answers 404.

const chloe = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
};
const title = 'Offre d’hiver, «prix»; 2027';

async function setUp(request: APIRequestContext) {
  const setup = await request.post('/api/v1/setup', {
    data: { ...chloe, workspace_name: 'Acme Énergie', language: 'en' },
  });
  expect(setup.status()).toBe(201);
  const body = (await setup.json()) as { workspace: { slug: string }; csrf_token: string };
  const created = await request.post(`/api/v1/workspaces/${body.workspace.slug}/contents`, {
    data: { type: 'article', title, publish_at: '2026-12-10T08:30:00Z' },
    headers: { 'X-CSRF-Token': body.csrf_token },
  });
  expect(created.status(), await created.text()).toBe(201);
  return { slug: body.workspace.slug, contentId: ((await created.json()) as { id: string }).id };
}

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((at) => at.pathname !== '/login');
}

/** Opens the dialog on My work, gets the link, and answers it. */
async function subscribeFromMyWork(page: Page, slug: string): Promise<string> {
  await page.goto(`/w/${slug}/my-work`);
  await page.getByRole('button', { name: 'Subscribe in your calendar app' }).click();
  const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar app' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Get the link' }).click();
  const field = dialog.getByLabel('Calendar link');
  await expect(field).toHaveValue(/\/api\/v1\/feeds\/.+\.ics$/);
  const url = await field.inputValue();
  await expect(dialog.getByRole('link', { name: 'Open in my calendar app' })).toHaveAttribute(
    'href',
    url.replace(/^https?:\/\//, 'webcal://'),
  );
  return url;
}

test('subscribe to my work, read the calendar with ical.js, then revoke it', async ({
  page,
  request,
}) => {
  const { slug, contentId } = await setUp(request);
  await logIn(page);
  const url = await subscribeFromMyWork(page, slug);
  await page
    .getByRole('dialog', { name: 'Subscribe in your calendar app' })
    .getByRole('button', { name: 'Done' })
    .click();

  // A calendar app has no session: the secret in the link is enough.
  const answer = await page.request.get(url);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const event = events.find((e) => e.uid === `content-${contentId}@copydesk`);
  expect(event, 'the content is an event').toBeDefined();
  expect(event!.summary).toBe(title);
  expect(event!.startDate.toJSDate().toISOString()).toBe('2026-12-10T08:30:00.000Z');
  expect(event!.sequence).toBe(0);
  expect(String(event!.component.getFirstPropertyValue('url'))).toContain(
    `/w/${slug}/contents/${contentId}`,
  );

  await page.goto(`/w/${slug}/account`);
  const section = page.getByRole('region', { name: 'Calendar subscriptions' });
  await expect(section.getByRole('cell', { name: 'My work', exact: true })).toBeVisible();
  await section.getByRole('button', { name: 'Revoke My work' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(section.getByText(/No calendar subscription yet/)).toBeVisible();
  expect((await page.request.get(url)).status()).toBe(404);
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the subscription dialog fits the window and passes axe', async ({ page, request }) => {
    const { slug } = await setUp(request);
    await logIn(page);
    await subscribeFromMyWork(page, slug);
    await fitsTheWindow(page, 'the subscription dialog');
    await passesAxe(page, 'the subscription dialog');
  });
});
