import type { Page } from '@playwright/test';
import { allTouchSized, fitsTheWindow, isTouchSized, passesAxe, phone, tablet } from './checks';
import { expect, test } from './fixtures';
import { chloe, claire, setUp, type Api } from './people';
import { claireJoinsLegalIn } from './reviewer';

// Phones and tablets in portrait (issue 14). Claire, legal counsel, gets a mention on her phone
// between two meetings: she opens it, reads the sentence, answers and approves, with one thumb.
// Chloé's main screens fit a phone and a tablet without scrolling sideways.

const body =
  'A tank that freezes cracks. Check the gauge every week from November.\n\n' +
  'Call us at the first sign of a leak: our technicians come within the day, weekends included.\n\n' +
  'Keep the lid clear of snow, and the path to it too, so that the delivery can reach it.';

/** The winter article, in Legal validation, with Chloé's question to Claire on one sentence. */
async function articleAskingClaire(api: Api, claireId: string) {
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Winter tank safety', fields: { body } },
  );
  const { statuses } = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  const legal = statuses.find((status) => status.name === 'Legal validation')!.id;
  await api.send('POST', `/api/v1/contents/${article.id}/status`, { status: legal });
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: `Can we promise this? @[${claire.name}](user:${claireId})`,
    anchor: { field: 'body', quote: 'within the day' },
  });
  return article;
}

test.describe('on a phone', () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test('the reviewer’s path, one-handed: notification → the passage → a reply → approved', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const claireId = await claireJoinsLegalIn(page, api);
    const article = await articleAskingClaire(api, claireId);
    await fitsTheWindow(page, 'the welcome page');
    await page.goto(`/w/${api.slug}`);

    // The bell, in the top bar, says she is asked for a decision and mentioned; the mention
    // opens the content.
    const bell = page.getByRole('button', { name: 'Notifications, 2 unread' });
    await expect(bell).toBeVisible();
    await isTouchSized(bell);
    await bell.tap();
    const notification = page.getByRole('link', {
      name: `${chloe.name} mentioned you on “Winter tank safety”`,
    });
    await fitsTheWindow(page, 'the notifications');
    await notification.tap();
    await expect(page).toHaveURL(new RegExp(`/contents/${article.id}$`));

    // It opens on her thread, highlighted, with the sentence it is about.
    const comments = page.getByRole('region', { name: 'Comments' });
    const thread = comments.getByRole('article', { name: `Thread by ${chloe.name}` });
    await expect(thread).toHaveAttribute('aria-current', 'true');
    await expect(thread).toBeInViewport();
    await expect(thread.locator('blockquote')).toHaveText('within the day');
    await fitsTheWindow(page, 'the comments sheet');
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/p-comments.png` });
    await passesAxe(page, 'the content page with its comments sheet');

    // She reads the passage in the text; the sheet makes way for it.
    await thread.getByRole('button', { name: 'Show in the text' }).tap();
    const text = page.getByRole('textbox', { name: 'Body', exact: true });
    const passage = text.locator('.thread-highlight-active');
    await expect(passage).toHaveText('within the day');
    await expect(passage).toBeInViewport();
    await expect(comments).toBeHidden();
    await fitsTheWindow(page, 'the content page');
    // What she may not edit looks read-only: no field's frame, the text as it reads.
    await expect(page.getByLabel('SEO title', { exact: true })).toHaveCSS(
      'border-top-color',
      'rgba(0, 0, 0, 0)',
    );
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/p-text.png` });

    // One tap back to the thread, from the bar under her thumb; she answers.
    const panels = page.getByRole('navigation', { name: 'The content’s panels' });
    const commentsButton = panels.getByRole('button', { name: 'Comments (1)' });
    await isTouchSized(commentsButton);
    const bar = (await panels.boundingBox())!;
    expect(bar.y + bar.height, 'the panels’ bar is at the bottom of the screen').toBeCloseTo(
      phone.height,
      0,
    );
    await commentsButton.tap();
    await expect(thread).toBeVisible();
    const reply = thread.getByRole('button', { name: 'Reply' });
    await isTouchSized(reply);
    await reply.tap();
    await thread.getByRole('combobox', { name: 'Your reply' }).fill('Yes: the contracts say so.');
    await thread.getByRole('button', { name: 'Reply' }).tap();
    await expect(thread).toContainText('Yes: the contracts say so.');
    await allTouchSized(comments, 'the comments sheet');

    // One tap to the status and the approvals: she approves.
    await panels.getByRole('button', { name: 'Status' }).tap();
    const approvals = page.getByRole('region', { name: 'Approvals' });
    await expect(approvals).toBeInViewport();
    const approve = approvals.getByRole('button', { name: 'Approve' });
    await isTouchSized(approve);
    await approve.tap();
    await expect(approvals).toContainText(/Approved on revision 1 by Claire Dubois/);
    await fitsTheWindow(page, 'the status sheet');
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/p-status.png` });
    await passesAxe(page, 'the content page with its status sheet');

    // Back to the text: the sheet folds away (with Escape too, on a keyboard).
    await page.getByRole('button', { name: 'Back to the text' }).tap();
    await expect(approvals).toBeHidden();
    await panels.getByRole('button', { name: 'Tasks' }).tap();
    await expect(page.getByRole('region', { name: 'Tasks' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('region', { name: 'Tasks' })).toBeHidden();
  });

  test('the pages before logging in fit a phone', async ({ page, request }) => {
    await page.goto('/setup');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await fitsTheWindow(page, 'the setup page');
    await allTouchSized(page.locator('body'), 'the setup page');
    const api = await setUp(request);
    const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/members`,
      { email: claire.email, role: 'reviewer' },
    );
    await page.goto('/login');
    await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
    await fitsTheWindow(page, 'the login page');
    await allTouchSized(page.locator('body'), 'the login page');
    await page.goto(new URL(invitation.accept_url).pathname);
    await expect(page.getByRole('button', { name: 'Join' })).toBeVisible();
    await fitsTheWindow(page, 'the invitation page');
    await allTouchSized(page.locator('body'), 'the invitation page');
  });

  test('the navigation folds behind a menu button, and comes back with a tap', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    await logInSmall(page);
    const menu = page.getByRole('button', { name: 'Menu' });
    const navigation = page.getByRole('navigation', { name: 'Workspace' });
    await expect(navigation).toBeHidden();
    await isTouchSized(menu);
    await menu.tap();
    await expect(navigation).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await allTouchSized(navigation, 'the navigation');
    if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/p-nav.png` });
    await passesAxe(page, 'the open navigation');
    // Choosing a screen folds the menu.
    await navigation.getByRole('link', { name: 'Board' }).tap();
    await expect(page).toHaveURL(new RegExp(`/w/${api.slug}/board$`));
    await expect(navigation).toBeHidden();
    // The account's language and logging out are in the menu too.
    await page.getByRole('button', { name: 'Menu' }).tap();
    await expect(navigation.getByRole('button', { name: 'Log out' })).toBeVisible();
    await expect(navigation.getByRole('button', { name: 'Français' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(navigation).toBeHidden();
  });
});

/** Logs Chloé in on a small screen, where the navigation is behind the menu button. */
async function logInSmall(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
}

for (const size of [phone, tablet]) {
  test(`at ${size.width} × ${size.height} the main screens fit the window and pass axe-core`, async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const article = await api.send<{ id: string }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/contents`,
      {
        type: 'article',
        title: 'Winter tank safety, and everything a household should check before the first frost',
        fields: { lead: 'Check your tank before the first frost.', body },
        publish_at: '2030-03-10T09:00:00Z',
      },
    );
    await api.send('POST', `/api/v1/contents/${article.id}/tasks`, { title: 'Legal check' });
    await page.setViewportSize(size);
    await logInSmall(page);
    const screens: [string, string][] = [
      ['home', `/w/${api.slug}`],
      ['My work', `/w/${api.slug}/my-work`],
      ['the list', `/w/${api.slug}/contents`],
      ['the board', `/w/${api.slug}/board`],
      ['search', `/w/${api.slug}/search?q=tank`],
      ['the activity', `/w/${api.slug}/activity`],
      ['the content', `/w/${api.slug}/contents/${article.id}`],
      ['its history', `/w/${api.slug}/contents/${article.id}/history`],
      ['the account', `/w/${api.slug}/account`],
      ['the settings', `/w/${api.slug}/settings/members`],
    ];
    for (const [name, path] of screens) {
      await page.goto(path);
      await expect(page.getByRole('main')).not.toBeEmpty();
      await expect(page.getByRole('progressbar')).toHaveCount(0);
      await expect(page.getByText('Loading…')).toHaveCount(0);
      await fitsTheWindow(page, name);
      await passesAxe(page, `${name} at ${size.width} px`);
      await allTouchSized(page.getByRole('main'), `${name} at ${size.width} px`);
      if (process.env.SHOTS)
        await page.screenshot({
          path: `${process.env.SHOTS}/s${size.width}-${name.replace(/\W+/g, '_')}.png`,
          fullPage: true,
        });
    }

    // The dialogs fit too: sharing, and the search palette.
    await page.goto(`/w/${api.slug}/contents/${article.id}`);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await fitsTheWindow(page, 'the share dialog');
    await passesAxe(page, `the share dialog at ${size.width} px`);
    if (process.env.SHOTS)
      await page.screenshot({ path: `${process.env.SHOTS}/s${size.width}-share.png` });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
    await fitsTheWindow(page, 'the search palette');
    if (process.env.SHOTS)
      await page.screenshot({ path: `${process.env.SHOTS}/s${size.width}-palette.png` });
  });
}
