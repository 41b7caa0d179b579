import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp, type Api } from './people';

// Issue 8, end to end: Antoine (the agency, a guest) drafts the one article shared with him and
// finds nothing else; Marc (a regional director, no account) validates an article from a review
// link with a password, and the validation turns stale when an editor changes the text.

interface Created {
  id: string;
  title: string;
  version: number;
  revision: number;
}

const antoine = {
  name: 'Antoine Roux',
  email: 'antoine@agence.example',
  password: 'des briefs et du café',
};
const hugo = { name: 'Hugo Bernard', email: 'hugo@example.com', password: 'durable et sourcé' };
const marc = { name: 'Marc Lefèvre', email: 'marc@example.com' };

const contentsPath = (api: Api) => `/api/v1/workspaces/${api.slug}/contents`;

async function userId(api: Api, email: string): Promise<string> {
  const members = await api.get<{ items: { user_id: string; email: string }[] }>(
    `/api/v1/workspaces/${api.slug}/members`,
  );
  return members.items.find((m) => m.email === email)!.user_id;
}

/** Someone joins through an invitation by the API alone; their own API access is returned. */
async function joinsByApi(api: Api, baseURL: string, who: typeof hugo, role: string) {
  const { invitation } = await api.send<{ invitation: { token: string } }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/members`,
    { email: who.email, role },
  );
  const request = await playwrightRequest.newContext({ baseURL });
  const accepted = await request.post(`/api/v1/invitations/${invitation.token}/accept`, {
    data: { name: who.name, password: who.password },
  });
  expect(accepted.status(), await accepted.text()).toBe(201);
  const { csrf_token } = (await accepted.json()) as { csrf_token: string };
  return { request, csrf: csrf_token };
}

async function patch(
  request: APIRequestContext,
  csrf: string,
  id: string,
  base: number,
  body: Record<string, unknown>,
): Promise<Created> {
  const response = await request.patch(`/api/v1/contents/${id}`, {
    data: { base_version: base, ...body },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as Created;
}

test.describe('a guest from the agency', () => {
  // Opening the URL of a content not shared with him answers 404: the not-found screen.
  test.use({ expectedConsole: /the server responded with a status of 404\b/ });

  test('drafts the article shared with him and cannot find any other content', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const shared = await api.send<Created>('POST', contentsPath(api), {
      type: 'article',
      title: 'Winter newsletter for installers',
      fields: { lead: 'Three checks before the frost.' },
    });
    const secret = await api.send<Created>('POST', contentsPath(api), {
      type: 'article',
      title: 'Secret product launch plan',
      fields: { lead: 'Not for the agency.' },
    });
    // The index follows saves on its own thread: both contents are searchable for the staff.
    await expect
      .poll(async () => {
        const found = await request.get(`/api/v1/workspaces/${api.slug}/search?q=launch`);
        return ((await found.json()) as { total: number }).total;
      })
      .toBe(1);

    // Chloé invites Antoine as a guest; he joins from the invitation's link.
    const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/members`,
      { email: antoine.email, role: 'guest' },
    );
    await page.goto(new URL(invitation.accept_url).pathname);
    await page.getByLabel('Your name').fill(antoine.name);
    await page.getByLabel('Password').fill(antoine.password);
    await page.getByRole('button', { name: 'Join' }).click();
    const sharedList = page.getByRole('region', { name: 'Shared with you' });
    await expect(sharedList).toContainText('Nothing is shared with you yet.');

    // Chloé shares the article with him, to edit.
    await api.send('POST', `/api/v1/contents/${shared.id}/shares`, {
      user_id: await userId(api, antoine.email),
      level: 'edit',
    });
    await page.reload();

    // His home says what is shared with him, and only that; the staff's screens are not offered.
    await expect(sharedList.getByRole('link', { name: shared.title })).toBeVisible();
    await expect(sharedList.getByRole('link')).toHaveCount(2); // the article, and "Open the contents"
    await expect(page.getByText('Secret product launch plan')).toHaveCount(0);
    const sidebar = page.getByRole('navigation', { name: 'Workspace' });
    await expect(sidebar.getByRole('link', { name: 'My work' })).toBeVisible();
    for (const name of ['Board', 'Activity', 'Settings']) {
      await expect(sidebar.getByRole('link', { name })).toHaveCount(0);
    }

    // He drafts the article: the text is his to change, and it is saved.
    await sharedList.getByRole('link', { name: shared.title }).click();
    const lead = page.getByLabel('Lead', { exact: true });
    await expect(lead).toBeEditable();
    await lead.click();
    await lead.press('End');
    await lead.pressSequentially(' And one call to the installer.');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
    const saved = await api.get<{ fields: { lead: string } }>(`/api/v1/contents/${shared.id}`);
    expect(saved.fields.lead).toBe('Three checks before the frost. And one call to the installer.');

    // Search finds what is shared with him, and nothing else.
    await page.goto(`/w/${api.slug}/search?q=newsletter`);
    await expect(page.locator('.search-hit')).toHaveCount(1);
    await expect(page.locator('.search-hit')).toContainText(shared.title);
    await page.goto(`/w/${api.slug}/search?q=launch`);
    await expect(page.getByRole('status').filter({ hasText: '0 contents found' })).toBeVisible();
    await expect(page.locator('.search-hit')).toHaveCount(0);

    // The staff's board is no page of his, even by its address.
    await page.goto(`/w/${api.slug}/board`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

    // Nor by its address: the other content does not exist for him.
    await page.goto(`/w/${api.slug}/contents/${secret.id}`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('Not for the agency.')).toHaveCount(0);
  });
});

test('a director validates revision 4 from a link with a password; an edit makes it stale', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const chloeCsrf = (await api.get<{ csrf_token: string }>('/api/v1/me')).csrf_token;
  const hugoApi = await joinsByApi(api, baseURL!, hugo, 'editor');

  // Revision 1 by Chloé; each edit by the other author opens the next revision.
  let article = await api.send<Created>('POST', contentsPath(api), {
    type: 'article',
    title: 'Regional newsletter: winter',
    fields: { lead: 'A word from the region.' },
  });
  article = await patch(hugoApi.request, hugoApi.csrf, article.id, article.version, {
    fields: { lead: 'A word from the region, with figures.' },
  });
  article = await patch(request, chloeCsrf, article.id, article.version, {
    fields: { lead: 'A word from the region, with the latest figures.' },
  });
  article = await patch(hugoApi.request, hugoApi.csrf, article.id, article.version, {
    fields: { lead: 'A word from the region, with the latest sales figures.' },
  });
  expect(article.revision).toBe(4);

  // Chloé makes a validate link with a password from the Share dialog.
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: /^Share/ });
  await dialog.getByRole('tab', { name: 'Links' }).click();
  await dialog.getByLabel('The person with the link can').selectOption('validate');
  await dialog.getByLabel('Password (optional)').fill('directeur 2025');
  await dialog.getByLabel('Label (optional)').fill('Marc, regional director');
  await dialog.getByRole('button', { name: 'Create the link' }).click();
  await expect(dialog.getByText("Copy it now: it won't be shown again.")).toBeVisible();
  const url = await dialog.getByLabel('Link address').inputValue();
  expect(url).toMatch(/\/review\/[A-Za-z0-9_-]+$/);
  const live = dialog.getByTestId('review-link');
  await expect(live).toHaveCount(1);
  await expect(live).toContainText('Marc, regional director');
  await expect(live.getByRole('img', { name: 'Protected by a password' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Marc, without an account, opens it on his own device.
  const marcContext = await browser.newContext({ baseURL: baseURL! });
  const marcPage = await marcContext.newPage();
  await marcPage.goto(new URL(url).pathname);
  // Before the password, the link says only that it needs one: not its label, not its level.
  await expect(marcPage.getByText('This link is protected by a password.')).toBeVisible();
  await expect(marcPage.getByText('Marc, regional director')).toHaveCount(0);
  await marcPage.getByLabel('Your name').fill(marc.name);
  await marcPage.getByLabel('Your e-mail').fill(marc.email);
  await marcPage.getByLabel('Password of the link').fill('directeur 2025');
  await marcPage.getByRole('button', { name: 'Open' }).click();
  await expect(
    marcPage.getByRole('heading', { name: 'Regional newsletter: winter' }),
  ).toBeVisible();
  await expect(
    marcPage.getByText('A word from the region, with the latest sales figures.'),
  ).toBeVisible();
  // The revision he reads is the content's current one.
  const current = await api.get<Created>(`/api/v1/contents/${article.id}`);
  await expect(marcPage.getByTestId('review-revision')).toHaveText(`Revision ${current.revision}`);
  expect(current.revision).toBe(4);
  await marcPage.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(
    marcPage.getByRole('status').filter({ hasText: 'You validated revision 4.' }),
  ).toBeVisible();
  await marcContext.close();

  // Chloé sees his validation beside the teams' approvals.
  await page.reload();
  const decision = page.getByTestId('visitor-decision');
  await expect(decision).toContainText('Validated by Marc Lefèvre via a review link — revision 4');
  await expect(decision.getByText('Stale')).toHaveCount(0);

  // Hugo, an editor, changes the text: the validation is stale.
  const latest = await api.get<Created>(`/api/v1/contents/${article.id}`);
  await patch(hugoApi.request, hugoApi.csrf, article.id, latest.version, {
    fields: { lead: 'A word from the region, with the final sales figures.' },
  });
  await page.reload();
  await expect(decision).toContainText('Validated by Marc Lefèvre via a review link — revision 4');
  await expect(decision.getByText('Stale')).toBeVisible();
  await hugoApi.request.dispose();
});
