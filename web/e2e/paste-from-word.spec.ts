import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, setUp, type Api } from './people';

// A passage copied in Word (and in LibreOffice Writer) and pasted into an article: a real paste
// event carrying the clipboard's text/html as each suite writes it (src/lib/__fixtures__/). The
// text keeps its headings, lists, checklist, link, table and footnote, and none of the layout.

const fixture = (name: string) =>
  readFileSync(new URL(`../src/lib/__fixtures__/${name}`, import.meta.url), 'utf8');

interface Created {
  id: string;
}

async function pasteInto(page: Page, api: Api, html: string) {
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Gaz vert',
  });
  // Logged in through the form (on a phone the navigation waits behind the menu button).
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${chloe.name}` })).toBeVisible();
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await body.evaluate((editor, payload) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', payload);
    transfer.setData('text/plain', 'Offre Gaz Vert 2027');
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, html);
  return { article, body };
}

const expectedMarkdown = [
  '# Offre Gaz Vert 2027',
  /Notre offre de gaz \*\*100\s% renouvelable\*\* arrive en \*janvier\* pour tous les clients\[\^1\]\. Voir \[la page de l’offre\]\(https:\/\/www\.example\.com\/gaz-vert\)\./,
  '## Ce qui change',
  /- Un prix fixe pendant deux ans\n\s+- sans frais de résiliation\n- Une \*\*garantie d’origine\*\* pour chaque kWh/,
  /1\. Validation juridique\n2\. Envoi aux clients/,
  '- [x] Visuels reçus\n- [ ] Relecture de la DRH',
  /\| Offre\s+\| Prix du kWh \|\n\| -+ \| -+ \|\n\| Gaz Vert \| 0,12\s€\s+\|/,
  /\[\^1\]: ?Hors clients professionnels\.$/,
];

for (const [suite, file] of [
  ['Word', 'word-clipboard.html'],
  ['LibreOffice', 'libreoffice-clipboard.html'],
] as const) {
  test(`a passage pasted from ${suite} keeps its structure and loses its layout`, async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const { article, body } = await pasteInto(page, api, fixture(file));

    await expect(
      page.getByRole('status').filter({ hasText: `Pasted from ${suite}` }),
    ).toBeVisible();
    // What the editor shows: the structure, as elements of the text.
    await expect(
      body.getByRole('heading', { level: 1, name: 'Offre Gaz Vert 2027' }),
    ).toBeVisible();
    await expect(body.getByRole('heading', { level: 2, name: 'Ce qui change' })).toBeVisible();
    await expect(body.locator('strong', { hasText: 'renouvelable' })).toBeVisible();
    await expect(body.locator('em', { hasText: 'janvier' })).toBeVisible();
    await expect(body.getByRole('link', { name: 'la page de l’offre' })).toHaveAttribute(
      'href',
      'https://www.example.com/gaz-vert',
    );
    await expect(body.locator('ul:not([data-type]) > li > ul > li')).toHaveText(
      'sans frais de résiliation',
    );
    await expect(body.locator('ol > li')).toHaveText(['Validation juridique', 'Envoi aux clients']);
    await expect(body.locator('ul[data-type="taskList"] input[type="checkbox"]')).toHaveCount(2);
    await expect(body.getByRole('columnheader', { name: 'Prix du kWh' })).toBeVisible();
    // And nothing of Word's layout.
    const html = await body.innerHTML();
    expect(html).not.toMatch(/mso-|Mso|<font|o:p|lang=|·/);
    expect(await body.locator('p:empty').count()).toBe(0);

    // What is saved: Markdown with the same structure.
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    let saved = '';
    await expect
      .poll(async () => {
        const content = await api.get<{ fields: { body?: string } }>(
          `/api/v1/contents/${article.id}`,
        );
        saved = content.fields.body ?? '';
        return saved.includes('[^1]: ');
      })
      .toBe(true);
    for (const part of expectedMarkdown) {
      if (typeof part === 'string') expect(saved).toContain(part);
      else expect(saved).toMatch(part);
    }
    expect(saved).not.toMatch(/mso|<|\\\[/);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('a paste from Word keeps its lists and checklist', async ({ page, request }) => {
    const api = await setUp(request);
    const { body } = await pasteInto(page, api, fixture('word-clipboard.html'));
    await expect(body.locator('ol > li')).toHaveText(['Validation juridique', 'Envoi aux clients']);
    await expect(body.locator('ul[data-type="taskList"] > li')).toHaveCount(2);
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
  });
});
