import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp } from './people';

// What a new user tripped over when trying the app end to end (issue 14): each test walks the
// path where it happened.

interface Created {
  id: string;
  version: number;
}

test('a person alone ticks a channel and moves the status at once: no “someone else” banner', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const post = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'social_post',
    title: 'L’hiver arrive : nos conseils',
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${post.id}`);
  const saveState = page.getByTestId('save-state');
  await expect(saveState).toHaveText('Saved');

  // The channel's save waits a moment; the status button is clicked before it goes out.
  await page.getByRole('group', { name: 'Channels' }).getByRole('checkbox').first().check();
  await page.getByRole('button', { name: /^Send to / }).click();
  await expect(saveState).toHaveText('Saved');
  await expect(
    page.getByRole('group', { name: 'Channels' }).getByRole('checkbox').first(),
  ).toBeChecked();
  await expect(page.getByText(/Someone else edited this content at the same time/)).toHaveCount(0);
  // Once more after a reload: what was saved is the channel and the move, both.
  await page.reload();
  await expect(
    page.getByRole('group', { name: 'Channels' }).getByRole('checkbox').first(),
  ).toBeChecked();
  await expect(page.getByText(/Someone else edited/)).toHaveCount(0);
});

test('a query typed on the Search page is ranked by relevance unless another sort is chosen', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  await api.send('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, chloe);

  await page.goto(`/w/${api.slug}/search`);
  await page.locator('.search-page').getByRole('searchbox').fill('tank');
  await expect(page).toHaveURL(/[?&]q=tank/);
  expect(new URL(page.url()).searchParams.get('sort')).toBeNull();
  await expect(page.locator('.search-sort select')).toHaveValue('relevance');
});

test('a saved view with a long name keeps the sidebar narrow and the page in the window', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, chloe);
  // A view with a long name, as people name them.
  const name =
    'Contenus de la campagne hiver 2026 à relire par le service juridique avant publication sur LinkedIn';
  await page.goto(`/w/${api.slug}/contents`);
  const sidebar = page.locator('.sidebar');
  const before = (await sidebar.boundingBox())!.width;
  await api.send('POST', `/api/v1/workspaces/${api.slug}/views`, {
    name,
    q: '',
    filters: {},
    sort: 'updated',
    shared: false,
    screen: 'contents',
  });
  await page.reload();
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('title', name);
  expect((await sidebar.boundingBox())!.width).toBe(before);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(innerWidth);
});

test('a password error on the setup page is said again in French when the page switches', async ({
  page,
}) => {
  // The setup page: a password error, then the page switched to French says it in French.
  await page.goto('/');
  await page.getByLabel('Your name').fill(chloe.name);
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill('too short');
  await page.getByLabel('Workspace name').fill('Acme Énergie');
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByText('Utilisez au moins 12 caractères.')).toBeVisible();
  await expect(page.getByText('Use at least 12 characters.')).toHaveCount(0);
  await page.getByLabel('Mot de passe').fill(chloe.password);
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${chloe.name}` })).toBeVisible();
});

test('inviting an existing member says why, in the person’s language', async ({
  page,
  request,
}) => {
  await setUp(request);
  await logIn(page, chloe);
  // Inviting someone who is already a member: the server's 409, explained.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(page.getByText('already a member of this workspace')).toBeVisible();
  await expect(page.getByText(/unexpected/i)).toHaveCount(0);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByText('déjà membre de cet espace')).toBeVisible();
});

test('history: the oldest revision compares with nothing, rich text is shown rendered', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
    fields: { body: '## Before winter\n\nCheck the tank every year.' },
  });
  // A label keeps revision 1 apart: the next change starts revision 2.
  await api.send('PUT', `/api/v1/contents/${article.id}/revisions/1/label`, { label: 'Brief' });
  await api.send('PATCH', `/api/v1/contents/${article.id}`, {
    base_version: article.version,
    fields: { body: '## Before the first frost\n\nCheck the tank **before the frost**.' },
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}/history`);
  await expect(page.getByText(/saves within 15 minutes/)).toBeVisible();
  await expect(page.getByText(/To keep a version apart, name it/)).toBeVisible();

  // Revision 2 against revision 1: rendered, changes marked, no Markdown in sight.
  await page.getByRole('button', { name: /Revision 2/ }).click();
  const diff = page.getByRole('region', { name: 'Changes from revision 1 to revision 2' });
  await expect(diff.locator('.diff-heading ins')).toContainText('the first frost');
  await expect(diff.locator('strong')).toContainText('before the frost');
  await expect(diff.locator('del').first()).toBeVisible();
  await expect(diff).not.toContainText('##');
  await expect(diff).not.toContainText('**');

  // The oldest revision: nothing earlier, and the list does not pretend otherwise.
  await page.getByRole('button', { name: /Revision 1/ }).click();
  await expect(
    page.getByText('This is the first revision: there is nothing earlier'),
  ).toBeVisible();
  await expect(page.getByLabel('Compare with').locator('option:checked')).toHaveText(
    'Nothing earlier',
  );
  await page.getByLabel('Compare with').selectOption('2');
  await expect(
    page.getByRole('region', { name: 'Changes from revision 1 to revision 2' }),
  ).toBeVisible();
});

test('the activity downloads for French Excel: “;”, a byte-order mark, local time, one sentence per event', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  await api.send('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Sécurité des citernes; hiver',
  });
  await api.send('POST', `/api/v1/workspaces/${api.slug}/views`, {
    name: 'Vue du juridique',
    q: '',
    filters: {},
    sort: 'updated',
    shared: false,
  });
  await logIn(page, chloe);
  await page.getByRole('button', { name: 'Français' }).click();
  await page.goto(`/w/${api.slug}/activity`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Télécharger pour un tableur' }).click();
  const file = await download;
  const rows = readFileSync((await file.path())!, 'utf8').split('\r\n');
  expect(rows[0]).toBe('\ufeff"Date et heure";"Personne";"Contenu";"Événement";"Remarque"');
  // Newest first: the view, then the content, each in a sentence with its title.
  expect(rows[1]).toMatch(
    /^"\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}";"Chloé Martin";"";"Chloé Martin a enregistré la vue « Vue du juridique »";""$/,
  );
  expect(rows[2]).toMatch(
    /^"\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}";"Chloé Martin";"Sécurité des citernes; hiver";"Chloé Martin a créé le contenu";""$/,
  );
  expect(rows.join('\n')).not.toMatch(/view\.created|content\.created/);
});
