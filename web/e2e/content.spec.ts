import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const chloe = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
  workspace: 'Acme Énergie',
};
const hugo = { name: 'Hugo Petit', email: 'hugo@example.com', password: 'durabilité avant tout' };

/** The first account and workspace, made through the API; returns the workspace's slug. */
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
  return ((await setup.json()) as { workspace: { slug: string } }).workspace.slug;
}

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
}

/** Hugo joins through an invitation link, in a browser of his own. */
async function hugoJoins(browser: Browser, baseURL: string, page: Page, slug: string) {
  const csrf = await page.evaluate(async () => {
    const me = await fetch('/api/v1/me').then((r) => r.json());
    return me.csrf_token as string;
  });
  const invited = await page.request.post(`/api/v1/workspaces/${slug}/members`, {
    data: { email: hugo.email, role: 'editor' },
    headers: { 'X-CSRF-Token': csrf },
  });
  expect(invited.status()).toBe(201);
  const { invitation } = (await invited.json()) as { invitation: { accept_url: string } };
  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  await other.goto(new URL(invitation.accept_url).pathname);
  await expect(other.getByRole('heading', { name: 'Join the workspace' })).toBeVisible();
  await other.getByLabel('Your name').fill(hugo.name);
  await other.getByLabel('Password').fill(hugo.password);
  await other.getByRole('button', { name: 'Join' }).click();
  await expect(other.getByRole('heading', { name: `Welcome, ${hugo.name}` })).toBeVisible();
  return { context, other };
}

const saveState = (page: Page) => page.getByTestId('save-state');

test('write, autosave, reload, conflict, history, diff, restore, in French too', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const slug = await setUp(request);
  await logIn(page, chloe);

  // A new article, from the contents list.
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Contents' })
    .click();
  await expect(page.getByRole('heading', { name: 'Contents' })).toBeVisible();
  await expect(page.getByText('No contents yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New content' }).click();
  const dialog = page.getByRole('dialog', { name: 'New content' });
  await dialog.getByRole('radio', { name: /Article/ }).check();
  await dialog.getByLabel('Title', { exact: true }).fill('Winter tank safety');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/contents\/[a-z0-9]+$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Winter tank safety');

  // Type in the body; autosave says so.
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('The tank needs a check before winter.');
  await expect(saveState(page)).toHaveText(/Unsaved changes…|Saving…/);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Call us at any time.');
  await expect(saveState(page)).toHaveText('Saved');
  // Nothing left on the device: what the reload shows comes from the server.
  expect(
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('draft'))),
  ).toEqual([]);

  // The text is on the server: a reload shows it.
  await page.reload();
  await expect(body).toContainText('The tank needs a check before winter.');
  await expect(body).toContainText('Call us at any time.');
  await expect(saveState(page)).toHaveText('Saved');
  const contentPath = new URL(page.url()).pathname;

  // Hugo joins and opens the same article.
  const { context, other } = await hugoJoins(browser, baseURL!, page, slug);

  // Chloé loses the network and keeps typing: the change waits on her device.
  await page.context().setOffline(true);
  await body.getByText('The tank needs a check before winter.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Chloé adds this.');
  await expect(saveState(page)).toHaveText('Offline — your changes are kept on this device');

  // Meanwhile Hugo rewrites the same sentence.
  await other.goto(contentPath);
  const hugoBody = other.getByRole('textbox', { name: 'Body' });
  await hugoBody.getByText('The tank needs a check before winter.').click();
  await other.keyboard.press('End');
  await other.keyboard.press('Shift+Home');
  const hugoSaved = other.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.status() === 200,
  );
  await other.keyboard.type('Tanks need a yearly check.');
  await hugoSaved;
  await expect(other.getByTestId('save-state')).toHaveText('Saved');

  // Back online, Chloé's save meets Hugo's: both texts are shown, side by side.
  await page.context().setOffline(false);
  const conflict = page.getByRole('dialog', { name: 'Someone else changed the same text' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('theirs-fields.body')).toContainText(
    'Tanks need a yearly check.',
  );
  await expect(conflict.getByTestId('mine-fields.body')).toContainText('Chloé adds this.');

  // A reload before choosing loses nothing: her text comes back, and so does the question.
  await page.reload();
  await expect(conflict).toBeVisible();
  await expect(conflict.getByTestId('mine-fields.body')).toContainText('Chloé adds this.');
  await conflict.getByRole('radio', { name: 'Edit a merged text' }).check();
  const merged = conflict.getByRole('textbox', { name: 'Merged text for Body' });
  await merged.fill('Tanks need a yearly check. Chloé adds this.\n\nCall us at any time.');
  await conflict.getByRole('button', { name: 'Save my choices' }).click();
  await expect(conflict).toBeHidden();
  await expect(saveState(page)).toHaveText('Saved');
  await expect(body).toContainText('Tanks need a yearly check. Chloé adds this.');
  await context.close();

  // The history: Chloé's first revision, Hugo's, then Chloé's merged one.
  await page.getByRole('link', { name: 'History' }).click();
  const revisions = page.getByRole('region', { name: 'Revisions' });
  await expect(page.locator('.revision')).toHaveCount(3);
  await expect(revisions).toContainText(hugo.name);
  await expect(revisions).toContainText(chloe.name);

  // Hugo's revision compared with the one before: his words inserted, Chloé's deleted.
  await page.getByRole('button', { name: /Revision 2/ }).click();
  const diff = page.getByRole('region', { name: 'Changes from revision 1 to revision 2' });
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff.locator('ins')).toContainText(['Tanks']);
  await expect(diff.locator('del').first()).toBeVisible();
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(diff.locator('.diff-split')).toBeVisible();

  // A label on Hugo's version.
  await page.getByRole('button', { name: 'Label this version' }).click();
  await page.getByLabel('Label', { exact: true }).fill('Checked by Hugo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: /Revision 2/ })).toContainText('Checked by Hugo');

  // Restore the first revision, after a confirmation.
  await page.getByRole('button', { name: /Revision 1/ }).click();
  await page.getByRole('button', { name: 'Restore this version' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore revision 1?' });
  await confirm.getByRole('button', { name: 'Restore this version' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator('.revision')).toHaveCount(4);
  await expect(page.locator('.revision').first()).toContainText('Restored (from revision 1)');
  await page.getByRole('link', { name: 'Write' }).click();
  await expect(body).toContainText('The tank needs a check before winter.');
  await expect(body).not.toContainText('Chloé adds this.');

  // The same page in French.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByRole('link', { name: 'Historique' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rédaction' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Détails' })).toBeVisible();
  await expect(saveState(page)).toHaveText('Enregistré');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('link', { name: 'Historique' }).click();
  await expect(page.getByRole('button', { name: /Révision 4/ })).toContainText(
    'Restauration (depuis la révision 1)',
  );
});

test('edits of different paragraphs made at the same time are merged, and shown', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const slug = await setUp(request);
  await logIn(page, chloe);
  await page.goto(`/w/${slug}/contents`);
  await page.getByRole('button', { name: 'New content' }).click();
  const dialog = page.getByRole('dialog', { name: 'New content' });
  await dialog.getByRole('radio', { name: /Newsletter/ }).check();
  await dialog.getByLabel('Title', { exact: true }).fill('December newsletter');
  await dialog.getByRole('button', { name: 'Create' }).click();
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  await page.keyboard.type('Opening words.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Closing words.');
  await expect(saveState(page)).toHaveText('Saved');
  const contentPath = new URL(page.url()).pathname;

  const { context, other } = await hugoJoins(browser, baseURL!, page, slug);
  await page.context().setOffline(true);
  await body.getByText('Opening words.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' From Chloé.');
  await expect(saveState(page)).toHaveText('Offline — your changes are kept on this device');

  await other.goto(contentPath);
  await other.getByRole('textbox', { name: 'Body' }).getByText('Closing words.').click();
  await other.keyboard.press('End');
  const hugoSaved = other.waitForResponse(
    (response) => response.request().method() === 'PATCH' && response.status() === 200,
  );
  await other.keyboard.type(' From Hugo.');
  await hugoSaved;
  await context.close();

  await page.context().setOffline(false);
  await expect(
    page.getByRole('status').filter({ hasText: 'their changes and yours were combined' }),
  ).toBeVisible();
  await expect(saveState(page)).toHaveText('Saved');
  await expect(body).toContainText('Opening words. From Chloé.');
  await expect(body).toContainText('Closing words. From Hugo.');
  await page.reload();
  await expect(body).toContainText('Opening words. From Chloé.');
  await expect(body).toContainText('Closing words. From Hugo.');
});
