import type { Page } from '@playwright/test';
import { allTouchSized, fitsTheWindow, passesAxe, phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp, type Api } from './people';

// Issue 20, end to end: Chloé creates the English version of a French content in one click,
// finds both languages linked as chips that switch between them; the French source is edited,
// the English version then says "source changed since translation" with the source's diff, and
// she marks it up to date. On a phone the same, with touch-sized controls.

interface Created {
  id: string;
  version: number;
  title: string;
}

async function frenchSource(api: Api): Promise<Created> {
  return api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Offre solaire',
    language: 'fr',
    fields: { lead: 'Des panneaux pour tous les toits.' },
  });
}

/** Creates the English version from the French page, and lands on it. */
async function translateIntoEnglish(page: Page, api: Api, source: Created) {
  await page.goto(`/w/${api.slug}/contents/${source.id}`);
  await page.getByRole('button', { name: 'Translate into…' }).click();
  await page
    .getByRole('list', { name: 'Translate into…' })
    .getByRole('button', { name: 'English' })
    .click();
  await expect(page).not.toHaveURL(new RegExp(`${source.id}$`));
  const languages = page.getByRole('navigation', { name: 'Languages of this content' });
  await expect(languages.getByText('EN')).toHaveAttribute('aria-current', 'page');
  await expect(languages.getByRole('link', { name: /Français version/ })).toBeVisible();
  const id = page.url().split('/').pop()!;
  return { id, languages };
}

/** Someone edits the French source through the API. */
async function editSource(
  api: Api,
  source: Created,
  lead = 'Des panneaux solaires pour tous les toits.',
) {
  await api.send('PATCH', `/api/v1/contents/${source.id}`, {
    base_version: source.version,
    fields: { lead },
  });
}

test.describe('on a desktop', () => {
  test('Chloé translates a French content, sees the source change and marks it up to date', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const source = await frenchSource(api);
    await logIn(page, chloe);
    const { id, languages } = await translateIntoEnglish(page, api, source);
    // The text to translate is there, the source's.
    await expect(page.getByLabel('Lead')).toHaveValue('Des panneaux pour tous les toits.');
    await expect(page.getByText('Source changed since translation')).toHaveCount(0);

    // One click switches to the French source, and back.
    await languages.getByRole('link', { name: /Français version/ }).click();
    await expect(page).toHaveURL(new RegExp(`${source.id}$`));
    await page
      .getByRole('navigation', { name: 'Languages of this content' })
      .getByRole('link', { name: /English version/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`${id}$`));

    await editSource(api, source);
    await page.reload();
    const banner = page.getByRole('region', { name: 'Source changed since translation' });
    await expect(banner).toBeVisible();
    const diff = banner.getByRole('region', { name: /Source changes from revision 1 to 2/ });
    await expect(diff.locator('ins')).toContainText('solaires');
    await passesAxe(page, 'a translation whose source changed');

    await banner.getByRole('button', { name: 'Mark as up to date' }).click();
    await expect(banner).toHaveCount(0);

    // The list finds it again once the source moves on.
    await editSource(
      api,
      { ...source, version: source.version + 1 },
      'Des panneaux solaires pour tous les toits, posés en un jour.',
    );
    await page.goto(`/w/${api.slug}/contents?translation=out_of_date`);
    await expect(page.getByRole('link', { name: 'Offre solaire' })).toHaveCount(1);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test('the languages, the banner and its action fit a phone', async ({ page, request }) => {
    const api = await setUp(request);
    const source = await frenchSource(api);
    // On a phone the navigation is behind the menu button.
    await page.goto('/login');
    await page.getByLabel('Email').fill(chloe.email);
    await page.getByLabel('Password').fill(chloe.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    await translateIntoEnglish(page, api, source);
    await editSource(api, source);
    await page.reload();
    const banner = page.getByRole('region', { name: 'Source changed since translation' });
    await expect(banner).toBeVisible();
    await expect(banner.locator('ins')).toContainText('solaires');
    await fitsTheWindow(page, 'a translation whose source changed');
    await allTouchSized(page.locator('.translation-bar'), 'the language chips');
    await banner.getByRole('button', { name: 'Mark as up to date' }).tap();
    await expect(banner).toHaveCount(0);
  });
});
