import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const owner = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
  workspace: 'Acme',
};

async function setUpAndLogIn(page: Page, request: APIRequestContext): Promise<string> {
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
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
  return ((await setup.json()) as { workspace: { slug: string } }).workspace.slug;
}

async function newContent(page: Page, type: RegExp, title: string) {
  await page.getByRole('button', { name: 'New content' }).click();
  const dialog = page.getByRole('dialog', { name: 'New content' });
  await dialog.getByRole('radio', { name: type }).check();
  await dialog.getByLabel('Title', { exact: true }).fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/contents\/[a-z0-9]+$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
}

test('counters, a draft that outlives a failed save, filters kept in the URL', async ({
  page,
  request,
}) => {
  const slug = await setUpAndLogIn(page, request);
  await page.goto(`/w/${slug}/contents`);

  // Dialogs and filter panels close with Escape, and give focus back to what opened them.
  const newButton = page.getByRole('button', { name: 'New content' });
  // Once the list has answered (the page may render again when it does), not before.
  await expect(page.locator('.empty')).toBeVisible();
  await newButton.focus();
  await expect(newButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New content' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New content' })).toBeHidden();
  await expect(newButton).toBeFocused();
  const channelFilter = page.getByRole('button', { name: 'Channel' });
  await channelFilter.click();
  await expect(page.getByRole('dialog', { name: 'Channel' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Website' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Channel' })).toBeHidden();
  await expect(channelFilter).toBeFocused();

  // A post for X: the counter follows the channel's limit, and nothing is cut.
  await newContent(page, /Social post/, 'Frost warning');
  await page.getByRole('checkbox', { name: 'X', exact: true }).check();
  // The main text: X's own cut (the Channels section below it) has a field named Text too.
  const text = page.getByRole('textbox', { name: 'Text' }).first();
  await text.fill('a'.repeat(260));
  // (X's cut, derived from the main text, counts the same and comes after it.)
  await expect(page.locator('.counter-near').first()).toHaveText('260 / 280 X');
  await text.fill('a'.repeat(300));
  await expect(page.locator('.counter-over').first()).toContainText('300 / 280 X');
  await expect(page.getByRole('region', { name: 'To check' })).toContainText(
    'Text: 300 characters, 280 allowed on X.',
  );
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(text).toHaveValue('a'.repeat(300));

  // The server cannot be reached: the change stays on this device, through a reload.
  await page.route('**/api/v1/contents/*', (route) =>
    route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await text.fill('Roads will be icy tonight.');
  await expect(page.getByTestId('save-state')).toHaveText(
    'Offline — your changes are kept on this device',
  );
  await page.unroute('**/api/v1/contents/*');
  await page.reload();
  await expect(text).toHaveValue('Roads will be icy tonight.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(text).toHaveValue('Roads will be icy tonight.');

  // An article too, then the list filtered by type: the filter lives in the URL.
  await page.getByRole('link', { name: '← Contents' }).click();
  await newContent(page, /Article/, 'Winter tank safety');
  await page.getByRole('link', { name: '← Contents' }).click();
  const rows = page.locator('.contents-table tbody tr');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Type' }).click();
  // The URL changes first, then the box shows it: click, then wait for the tick.
  await page.getByRole('checkbox', { name: 'Social post' }).click();
  await expect(page.getByRole('checkbox', { name: 'Social post' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]type=social_post\b/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Frost warning');
  await page.reload();
  await expect(rows).toHaveCount(1);

  // Sorting by title is one click on its header, and is in the URL too.
  await page.getByRole('button', { name: 'Clear filters (1)' }).click();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(page).toHaveURL(/sort=title/);
  await expect(rows.first()).toContainText('Frost warning');
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(rows.first()).toContainText('Winter tank safety');
  await page.goBack();
  await expect(rows.first()).toContainText('Frost warning');

  // Archived: out of the list, read-only, found again with the Archived filter, brought back.
  await rows.getByRole('link', { name: 'Winter tank safety' }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await page
    .getByRole('dialog', { name: 'Archive this content?' })
    .getByRole('button', { name: 'Archive' })
    .click();
  await expect(page.getByText('This content is archived')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toBeDisabled();
  await page.getByRole('link', { name: '← Contents' }).click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Archived' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Winter tank safety');
  await rows.getByRole('link', { name: 'Winter tank safety' }).click();
  await page.getByRole('button', { name: 'Restore from archive' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toBeEnabled();
});

test('settings: invite a colleague, add a channel; account: a token shown once', async ({
  page,
  request,
}) => {
  const slug = await setUpAndLogIn(page, request);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings$`));

  await page.getByRole('link', { name: 'Members' }).click();
  await page.getByLabel('Email').fill('claire@example.com');
  await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const invited = page.getByRole('dialog', { name: 'Invite someone' });
  await expect(invited).toContainText('copy this link and send it to claire@example.com');
  await expect(invited.getByLabel('Invitation link')).toHaveValue(/\/invite\/.+/);
  await page.keyboard.press('Escape');
  await expect(invited).toBeHidden();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toContainText(
    'claire@example.com',
  );

  await page.getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('button', { name: 'New channel' }).click();
  const channel = page.getByRole('dialog', { name: 'New channel' });
  await channel.getByLabel('Name').fill('Mastodon');
  await channel.getByLabel('Inside').selectOption({ label: 'Social' });
  await channel.getByLabel('Character limit').fill('500');
  await channel.getByRole('button', { name: 'Save' }).click();
  await expect(channel).toBeHidden();
  await expect(page.getByRole('list', { name: 'Channels' })).toContainText('Mastodon');

  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Token name').fill('Website import');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = page.getByRole('dialog', { name: 'Token created' });
  await expect(token.getByLabel('Token')).not.toHaveValue('');
  await token.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('cell', { name: 'Website import' })).toBeVisible();
});

test('text typed just before the tab closes is kept and sent on the next visit', async ({
  page,
  request,
  context,
}) => {
  const slug = await setUpAndLogIn(page, request);
  await page.goto(`/w/${slug}/contents`);
  await newContent(page, /Article/, 'Closed too soon');
  const url = page.url();
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();
  // Hold every save back, so only the device keeps the words when the tab goes.
  await page.route('**/api/v1/contents/*', (route) =>
    route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.fallback(),
  );
  await page.keyboard.type('Typed in the last second.');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await expect(again.getByRole('textbox', { name: 'Body' })).toContainText(
    'Typed in the last second.',
  );
  await expect(again.getByTestId('save-state')).toHaveText('Saved');
  await again.reload();
  await expect(again.getByRole('textbox', { name: 'Body' })).toContainText(
    'Typed in the last second.',
  );
});

test('a session that ends while writing: log in again, the text is still there and saved', async ({
  page,
  request,
  context,
}) => {
  const slug = await setUpAndLogIn(page, request);
  await page.goto(`/w/${slug}/contents`);
  await newContent(page, /Social post/, 'Session test');
  await context.clearCookies();
  await page.getByRole('textbox', { name: 'Text' }).fill('Written after the session ended.');
  await expect(page.getByTestId('save-state')).toHaveText(
    'Your session ended: log in again. Your changes are kept on this device.',
  );
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue(
    'Written after the session ended.',
  );
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
});

test('print and video: a choice and a number are saved as such', async ({ page, request }) => {
  const slug = await setUpAndLogIn(page, request);
  await page.goto(`/w/${slug}/contents`);
  await newContent(page, /Print/, 'Winter flyer');
  await page.getByLabel('Format', { exact: true }).selectOption('A5');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Format', { exact: true })).toHaveValue('A5');

  await page.getByRole('link', { name: '← Contents' }).click();
  await newContent(page, /Video/, 'Winter tips');
  await page.getByLabel('Duration (seconds)').fill('90');
  const script = page.getByRole('textbox', { name: 'Script' });
  await script.click();
  await page.keyboard.type('Open on a frozen road.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Duration (seconds)')).toHaveValue('90');
  await expect(script).toContainText('Open on a frozen road.');
  const saved = await page.evaluate(async (path) => {
    const id = path.split('/').pop();
    return (await (await fetch(`/api/v1/contents/${id}`)).json()).fields;
  }, new URL(page.url()).pathname);
  expect(saved).toEqual({ duration: 90, script: 'Open on a frozen road.' });
});
