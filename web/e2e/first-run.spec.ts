import { expect, test } from './fixtures';

const owner = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
  workspace: 'Acme Énergie',
};

test('first run, logout, login, and French that stays', async ({ page }) => {
  // A fresh instance sends everyone to the setup form.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to copydesk' })).toBeVisible();

  // The form checks the password length before sending.
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('too short');
  await page.getByLabel('Workspace name').fill(owner.workspace);
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByLabel('Password').fill(owner.password);
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await page.getByRole('button', { name: 'Create the workspace' }).click();

  // Logged in, on the new workspace's home.
  await expect(page).toHaveURL(/\/w\/[^/]+$/);
  await expect(page.getByRole('heading', { name: `Welcome, ${owner.name}` })).toBeVisible();
  await expect(page.getByText(`Your role in ${owner.workspace}: Owner.`)).toBeVisible();
  const switcher = page.getByRole('button', { name: /Switch workspace/ });
  await expect(switcher).toContainText(owner.workspace);
  await expect(page.getByRole('banner')).toContainText(owner.name);

  // The workspace menu works from the keyboard, and Escape closes it.
  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Workspaces' });
  await expect(menu).toBeVisible();
  await expect(
    menu.getByRole('menuitemradio', { name: new RegExp(owner.workspace) }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  // Log out.
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Log in to copydesk' })).toBeVisible();

  // A wrong password says so, and nothing more.
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page).toHaveURL(/\/login$/);

  // The right one opens the workspace.
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${owner.name}` })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toContainText(owner.workspace);

  // French, saved on the account.
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'PATCH',
  );
  await page.getByRole('button', { name: 'Français' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('heading', { name: `Bienvenue, ${owner.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Forget what this browser remembers: French must come from the account.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { name: `Bienvenue, ${owner.name}` })).toBeVisible();
  await expect(
    page.getByText(`Votre rôle dans ${owner.workspace}\u00a0: Propriétaire.`),
  ).toBeVisible();

  // Unknown pages, inside the workspace and outside it.
  await page.goto(`${new URL(page.url()).pathname}/no-such-screen`);
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page introuvable' })).toBeVisible();
});

test('too many wrong passwords say how long to wait', async ({ page, request }) => {
  // Set up through the API, from outside the browser: the browser stays logged out.
  const setup = await request.post('/api/v1/setup', {
    data: {
      email: owner.email,
      name: owner.name,
      password: owner.password,
      workspace_name: owner.workspace,
      language: 'en',
    },
  });
  expect(setup.status()).toBe(201);

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Log in to copydesk' })).toBeVisible();
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('not the password at all');
  const alert = page.getByRole('alert');
  for (let attempt = 0; attempt < 30; attempt++) {
    const answer = page.waitForResponse((response) => response.url().endsWith('/auth/login'));
    await page.getByRole('button', { name: 'Log in' }).click();
    if ((await answer).status() === 429) break;
  }
  await expect(alert).toHaveText(/^Too many attempts\. Try again in \d+ (second|minute|hour)s?\.$/);
});
