import { focusIsVisible, passesAxe } from './checks';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp } from './people';

// Every screen passes axe-core's checks with no serious or critical violation, before and after
// logging in, with its dialogs and popovers open; the keyboard reaches every action and always
// shows where it is.

test('axe-core finds nothing serious on any screen', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The first page of a fresh install.
  await page.goto('/setup');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await passesAxe(page, 'the setup page');

  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    {
      type: 'article',
      title: 'Winter tank safety',
      fields: {
        lead: 'Check your tank before the first frost.',
        body: 'Call us at the first sign of a leak: our technicians come within the day.',
      },
    },
  );
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: 'Is this a legal promise?',
    anchor: { field: 'body', quote: 'within the day' },
  });
  await api.send('POST', `/api/v1/contents/${article.id}/tasks`, { title: 'Legal check' });
  const link = await api.send<{ url: string }>('POST', `/api/v1/contents/${article.id}/links`, {
    level: 'validate',
  });
  const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/members`,
    { email: 'hugo@example.com', role: 'contributor' },
  );

  // The pages seen without an account, in a browser of their own.
  const outside = await browser.newContext({ baseURL });
  const visitor = await outside.newPage();
  await visitor.goto('/login');
  await expect(visitor.getByRole('button', { name: 'Log in' })).toBeVisible();
  await passesAxe(visitor, 'the login page');
  await visitor.goto(new URL(invitation.accept_url).pathname);
  await expect(visitor.getByRole('button', { name: 'Join' })).toBeVisible();
  await passesAxe(visitor, 'the invitation page');
  await visitor.goto(new URL(link.url).pathname);
  await expect(visitor.getByRole('button', { name: 'Open' })).toBeVisible();
  await passesAxe(visitor, 'the review link’s welcome');
  await visitor.getByLabel('Your name').fill('Marc Lefèvre');
  await visitor.getByLabel('Your e-mail').fill('marc@example.com');
  await visitor.getByRole('button', { name: 'Open' }).click();
  await expect(visitor.getByRole('heading', { name: 'Winter tank safety' })).toBeVisible();
  await passesAxe(visitor, 'the review link page');
  await outside.close();

  await logIn(page, chloe);
  const base = `/w/${api.slug}`;
  const content = `${base}/contents/${article.id}`;
  const screens = [
    base,
    `${base}/my-work`,
    `${base}/contents`,
    `${base}/board`,
    `${base}/activity`,
    `${base}/search?q=tank`,
    content,
    `${content}/history`,
    `${content}/activity`,
    `${base}/account`,
    ...['general', 'members', 'teams', 'channels', 'types', 'workflow', 'projects']
      .concat(['task-lists', 'links'])
      .map((section) => `${base}/settings/${section}`),
    `${base}/no-such-screen`,
  ];
  for (const path of screens) {
    await page.goto(path);
    await expect(page.getByRole('main')).not.toBeEmpty();
    await expect(page.getByText('Loading…')).toHaveCount(0);
    await passesAxe(page, path);
  }

  // Dialogs and popovers, open.
  await page.goto(content);
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await passesAxe(page, 'the share dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Notifications/ }).click();
  await passesAxe(page, 'the notifications');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeHidden();
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeVisible();
  await passesAxe(page, 'the search palette');
});

test('the keyboard reaches every action and always shows where it is', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Winter tank safety', fields: { lead: 'Check your tank.' } },
  );
  await api.send('POST', `/api/v1/contents/${article.id}/tasks`, { title: 'Legal check' });
  await logIn(page, chloe);
  const base = `/w/${api.slug}`;
  for (const path of [
    base,
    `${base}/contents`,
    `${base}/board`,
    `${base}/contents/${article.id}`,
    `${base}/settings/workflow`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole('main')).not.toBeEmpty();
    const hidden: string[] = [];
    const reached = new Set<string>();
    for (let stop = 0; stop < 60; stop++) {
      await page.keyboard.press('Tab');
      // Past the last stop the focus leaves for the browser's own controls, then comes back.
      const problem = await focusIsVisible(page);
      if (problem && problem !== 'nothing focused') hidden.push(problem);
      reached.add(
        await page.evaluate(() => {
          const element = document.activeElement;
          return `${element?.tagName}:${element?.getAttribute('aria-label') ?? element?.textContent?.trim().slice(0, 40)}`;
        }),
      );
    }
    expect(hidden, `focus shown on ${path}`).toEqual([]);
    expect(reached.size, `the keyboard moves through ${path}`).toBeGreaterThan(8);
  }

  // The content page's actions, by keyboard alone: the status moves, a task is ticked.
  await page.goto(`${base}/contents/${article.id}`);
  const status = page.getByRole('combobox', { name: 'Status' });
  // The status select and the task form wear the app's field style, like every other field.
  const fieldBorder = 'rgb(201, 205, 212)';
  await expect(status).toHaveCSS('border-top-color', fieldBorder);
  const taskForm = page.getByRole('form', { name: 'Add the task' });
  await expect(taskForm.getByLabel('Task', { exact: true })).toHaveCSS(
    'border-top-color',
    fieldBorder,
  );
  await expect(taskForm.getByRole('combobox')).toHaveCSS('border-top-color', fieldBorder);
  await status.focus();
  await expect(status).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Send to / })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveValue(/.+/);
  const task = page.getByRole('region', { name: 'Tasks' }).getByRole('checkbox').first();
  await task.focus();
  await page.keyboard.press('Space');
  await expect(task).toBeChecked();
});
