import { expect, test } from './fixtures';
import {
  chloe,
  claire,
  claireJoinsLegal,
  commentsPanel,
  logIn,
  setUp,
  tasksPanel,
  winterArticle,
} from './people';

// The same review round as collab.spec.ts, but nobody reloads: Claire (reviewer, in Legal) is
// on another page when Chloé mentions Legal on a passage; the bell counts it by itself. Each
// sees the other on the content, the reply and the resolution reach Chloé's panel, and the task
// Chloé gives Claire appears in Claire's My work while she looks at it. The expectations wait
// at most 10 s, less than the 30 s the bell and My work would take to ask again on their own.

const comments = commentsPanel;
const tasks = tasksPanel;

test('live: the bell counts a mention, threads and tasks update, presence shows, without reloading', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const { path } = await winterArticle(api);
  const { context, page: clairePage } = await claireJoinsLegal(browser, baseURL!, api);

  // Claire works on something else: her own page, nothing unread.
  await clairePage.goto(`/w/${api.slug}/my-work`);
  await expect(clairePage.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await expect(
    clairePage.getByRole('button', { name: 'Notifications', exact: true }),
  ).toBeVisible();

  // Chloé selects "first frost" in the lead and comments on it, mentioning Legal.
  await logIn(page, chloe);
  await page.goto(path);
  const lead = page.getByLabel('Lead', { exact: true });
  await expect(lead).toHaveValue('Check your tank before the first frost.');
  await lead.focus();
  await lead.evaluate((element) => {
    const field = element as HTMLTextAreaElement;
    const start = field.value.indexOf('first frost');
    field.setSelectionRange(start, start + 'first frost'.length);
  });
  await comments(page).getByRole('button', { name: 'Comment on selection' }).click();
  const box = comments(page).getByRole('combobox', { name: 'Comment on the passage' });
  await box.click();
  await box.pressSequentially('Is this a legal promise? @leg');
  await comments(page).getByRole('option', { name: /Legal/ }).click();
  await box.pressSequentially('please check.');
  await comments(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = comments(page).getByRole('article', { name: `Thread by ${chloe.name}` });
  await expect(thread).toContainText('Is this a legal promise? @Legal please check.');

  // Claire's bell counts it where she is, without a reload, and she opens it.
  const bell = clairePage.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await clairePage
    .getByRole('dialog', { name: 'Notifications' })
    .getByRole('link', { name: `${chloe.name} mentioned you on “Winter tank safety”` })
    .click();
  await expect(clairePage).toHaveURL(new RegExp(`${path}$`));

  // Each sees the other on the content.
  await expect(page.getByRole('status', { name: 'Also on this page' })).toContainText(
    `${claire.name} is also here`,
  );
  await expect(clairePage.getByRole('status', { name: 'Also on this page' })).toContainText(
    `${chloe.name} is also here`,
  );

  // Claire replies and resolves; Chloé's panel follows by itself.
  const hers = comments(clairePage).getByRole('article', { name: `Thread by ${chloe.name}` });
  await hers.getByRole('button', { name: 'Reply' }).click();
  await hers.getByRole('combobox', { name: 'Your reply' }).fill('Fine if we say "before".');
  await hers.getByRole('button', { name: 'Reply' }).click();
  await expect(hers).toContainText('Fine if we say "before".');
  await expect(thread).toContainText('Fine if we say "before".');
  await hers.getByRole('button', { name: 'Resolve' }).click();
  await expect(comments(clairePage).locator('details.comment-resolved summary')).toHaveText(
    '1 resolved thread',
  );
  await expect(comments(page).locator('details.comment-resolved summary')).toHaveText(
    '1 resolved thread',
  );

  // Claire goes back to My work; Chloé's presence note goes when Claire leaves the content.
  await clairePage
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'My work' })
    .click();
  await expect(clairePage.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Also on this page' })).toBeHidden();

  // Chloé gives Claire the legal check: it appears in Claire's My work as she looks at it.
  await tasks(page).getByLabel('Task', { exact: true }).fill('Legal check of the lead');
  await tasks(page).getByLabel('Assignee').selectOption({ label: claire.name });
  await tasks(page).getByRole('button', { name: 'Add the task' }).click();
  await expect(tasks(page).getByRole('listitem')).toContainText(claire.name);
  const myTasks = clairePage.getByRole('region', { name: 'My tasks' });
  await expect(
    myTasks.getByRole('listitem').filter({ hasText: 'Legal check of the lead' }),
  ).toBeVisible();
  await context.close();
});
