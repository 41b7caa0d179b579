import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';

const chloe = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
  workspace: 'Acme Énergie',
};

interface Draft {
  type: string;
  title: string;
  language: 'fr' | 'en';
  tags?: string[];
  fields?: Record<string, string>;
}

// A few contents in both languages, the way a team would have them after a winter or two.
const contents: Draft[] = [
  {
    type: 'article',
    title: 'Sécurité des citernes en hiver',
    language: 'fr',
    tags: ['Gaz'],
    fields: {
      body: 'Avant l’hiver, faites vérifier votre citerne de gaz : le froid fragilise les vannes et les détendeurs.',
    },
  },
  {
    type: 'article',
    title: 'Pompe à chaleur : bien passer l’hiver',
    language: 'fr',
    tags: ['Chauffage'],
    fields: { body: 'En hiver, une pompe à chaleur bien réglée consomme moins.' },
  },
  { type: 'social_post', title: 'L’hiver arrive : nos conseils', language: 'fr' },
  {
    type: 'article',
    title: 'Heat pump buyer’s guide',
    language: 'en',
    fields: { body: 'Choosing a heat pump for your home before winter.' },
  },
  {
    type: 'article',
    title: 'Winter tank safety checklist',
    language: 'en',
    fields: { body: 'Check your gas tank before the frost.' },
  },
];

/** The workspace and its contents, made through the API; returns the workspace's slug. */
async function setUp(request: APIRequestContext): Promise<string> {
  const setup = await request.post('/api/v1/setup', {
    data: {
      email: chloe.email,
      name: chloe.name,
      password: chloe.password,
      workspace_name: chloe.workspace,
      language: 'en',
    },
  });
  expect(setup.status()).toBe(201);
  const { workspace, csrf_token } = (await setup.json()) as {
    workspace: { id: string; slug: string };
    csrf_token: string;
  };
  const slug = workspace.slug;
  for (const content of contents) {
    const created = await request.post(`/api/v1/workspaces/${slug}/contents`, {
      data: content,
      headers: { 'X-CSRF-Token': csrf_token },
    });
    expect(created.status(), await created.text()).toBe(201);
  }
  // The index follows saves on its own thread: wait until it has them all.
  await expect
    .poll(async () => {
      // Search accepts the workspace's id or its slug; the app sends the id, and so does this.
      const found = await request.get(`/api/v1/workspaces/${workspace.id}/search`);
      return ((await found.json()) as { total: number }).total;
    })
    .toBe(contents.length);
  return slug;
}

test('find by a few misspelt words, narrow by facets, save the view, be warned of a similar content', async ({
  page,
  request,
}) => {
  const slug = await setUp(request);
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  const sidebar = page.getByRole('navigation', { name: 'Workspace' });
  await expect(sidebar).toBeVisible();

  // Ctrl+K, words without accents and with a typo: the content is there, and the correction said.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search' });
  const box = palette.getByRole('combobox', { name: 'Search the contents' });
  await expect(box).toBeFocused();
  await box.fill('securite des citermes');
  await expect(palette.getByText('Showing results for securite des citernes')).toBeVisible();
  await expect(
    palette.getByRole('button', { name: 'search instead for securite des citermes' }),
  ).toBeVisible();
  const results = palette.getByRole('listbox', { name: 'Results' });
  const first = results.getByRole('option').first();
  await expect(first).toContainText('Sécurité des citernes en hiver');
  await expect(first).toContainText('Article');
  await expect(first).toContainText('faites vérifier votre citerne de gaz');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await box.press('Enter');
  await expect(page).toHaveURL(/\/contents\/[a-z0-9]+$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(
    'Sécurité des citernes en hiver',
  );

  // "Search instead" keeps the words as typed: nothing matches them.
  await page.keyboard.press('Control+k');
  await box.fill('securite des citermes');
  await palette.getByRole('button', { name: 'search instead for securite des citermes' }).click();
  await expect(page).toHaveURL(/\/search\?q=securite\+des\+citermes&exact=1$/);
  await expect(
    page.getByText('No content matches “securite des citermes” as typed.'),
  ).toBeVisible();
  await expect(page.locator('.search-hit')).toHaveCount(0);

  // Escape closes the palette, and the button in the top bar opens it too.
  await page.getByRole('button', { name: /^Search/ }).click();
  await expect(box).toBeVisible();
  await box.press('Escape');
  await expect(palette).toBeHidden();

  // The results page: every result for "hiver", then narrowed by type in one click.
  await page.keyboard.press('Control+k');
  await box.fill('hiver');
  await expect(results.getByRole('option')).toHaveCount(4); // three contents, then "all results"
  await box.press('ArrowUp');
  await expect(results.getByRole('option').last()).toHaveAttribute('aria-selected', 'true');
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/search\\?q=hiver$`));
  const count = page.getByRole('status').filter({ hasText: /found/ });
  await expect(count).toHaveText('3 contents found');
  const facets = page.getByRole('complementary', { name: 'Narrow down' });
  const typeFacet = facets.getByRole('group', { name: 'Type' });
  await expect(typeFacet.getByRole('button', { name: 'Article 2' })).toBeVisible();
  await typeFacet.getByRole('button', { name: 'Social post 1' }).click();
  await expect(count).toHaveText('1 content found');
  await expect(page).toHaveURL(/type=social_post/);
  // "Any of" within a facet: the other type can still be added.
  await typeFacet.getByRole('button', { name: 'Article 2' }).click();
  await expect(count).toHaveText('3 contents found');
  await typeFacet.getByRole('button', { name: 'Social post 1' }).click();
  await expect(count).toHaveText('2 contents found');
  await expect(typeFacet.getByRole('button', { name: 'Article 2' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const hits = page.locator('.search-hit');
  await expect(hits).toHaveCount(2);
  await expect(hits.first().locator('mark').first()).toBeVisible();

  // Saved as a view shared with the workspace: it is in the sidebar and reopens as it was.
  await page.getByRole('button', { name: 'Save view' }).click();
  const save = page.getByRole('dialog', { name: 'Save this view' });
  await save.getByLabel('Name').fill('Hiver, articles');
  await save.getByRole('radio', { name: 'Everyone in the workspace' }).check();
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  const view = sidebar.getByRole('link', { name: /Hiver, articles/ });
  await expect(view).toContainText('Shared');
  await expect(view).toHaveAttribute('aria-current', 'page');
  await sidebar.getByRole('link', { name: 'Contents' }).click();
  await expect(page.getByRole('heading', { name: 'Contents' })).toBeVisible();
  await expect(view).not.toHaveAttribute('aria-current', 'page');
  await view.click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/search\\?q=hiver&type=article$`));
  await expect(count).toHaveText('2 contents found');
  await expect(page.getByRole('searchbox', { name: 'Search the contents' })).toHaveValue('hiver');

  // Renamed from its menu.
  await sidebar.getByRole('button', { name: 'Actions for the view Hiver, articles' }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the view' });
  await rename.getByLabel('Name').fill('Articles d’hiver');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(sidebar.getByRole('link', { name: /Articles d’hiver/ })).toBeVisible();

  // A new content on a subject that already exists: the form says so, with a link to it.
  await sidebar.getByRole('link', { name: 'Contents' }).click();
  await page.getByRole('button', { name: 'New content' }).click();
  const form = page.getByRole('dialog', { name: 'New content' });
  await form.getByRole('radio', { name: /Article/ }).check();
  await form.getByLabel('Title', { exact: true }).fill('Citerne de gaz : que faire en hiver ?');
  await form.getByLabel('First lines (optional)').fill('Le froid et les vannes de la citerne.');
  await expect(form.getByText(/contents? on this subject already exists?/)).toBeVisible();
  await expect(form.getByRole('link', { name: /Sécurité des citernes en hiver/ })).toHaveAttribute(
    'href',
    /\/contents\/[a-z0-9]+$/,
  );
  // Created all the same, with its first lines as the start of the body.
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/contents\/[a-z0-9]+$/);
  await expect(page.getByRole('textbox', { name: 'Body' })).toContainText(
    'Le froid et les vannes de la citerne.',
  );
});

test('a common word’s counts, estimated by the server, read “about”', async ({ page, request }) => {
  const slug = await setUp(request);
  // The server counts a common word's facets (and, past 50,000 matches, its total) on part of
  // the matches and says so; a handful of contents never gets there, so its answer is scaled
  // up and labelled here the way the server labels it.
  await page.route('**/api/v1/workspaces/*/search?*', async (route) => {
    const response = await route.fetch();
    const answer = (await response.json()) as {
      total: number;
      facets: Record<string, Record<string, number>>;
    };
    for (const counts of Object.values(answer.facets)) {
      for (const [value, count] of Object.entries(counts)) counts[value] = count * 412 + 3;
    }
    await route.fulfill({
      response,
      json: { ...answer, total: 1237, total_estimated: true, facets_estimated: true },
    });
  });
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();

  await page.goto(`/w/${slug}/search?q=hiver`);
  await expect(page.getByRole('status').filter({ hasText: 'found' })).toHaveText(
    'about 1,200 contents found',
  );
  // Three contents in French hold "hiver": 3 × 412 + 3 = 1,239, read "about 1,200".
  const language = page.locator('aside.facets').getByRole('group', { name: 'Language' });
  const french = language.getByRole('button', { name: /Français/ });
  await expect(french).toContainText('about 1,200');
  await expect(french.getByTitle('Counted on the first matches, then estimated')).toBeVisible();
});
