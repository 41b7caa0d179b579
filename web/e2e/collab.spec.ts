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

// A review round without e-mail: Chloé (owner, writer) comments on a passage of the lead and
// mentions the Legal team; Claire (reviewer, in Legal) finds it under the bell, opens it, replies
// and resolves the thread; Chloé gives Claire a task, which Claire ticks done.

const comments = commentsPanel;
const tasks = tasksPanel;

test('a comment on a passage mentions Legal; the reviewer is told, replies, resolves; a task is done', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const { path } = await winterArticle(api);
  const { context, page: clairePage } = await claireJoinsLegal(browser, baseURL!, api);

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
  await expect(comments(page).locator('blockquote')).toHaveText('first frost');
  const box = comments(page).getByRole('combobox', { name: 'Comment on the passage' });
  await box.click();
  await box.pressSequentially('Is this a legal promise? @leg');
  await comments(page).getByRole('option', { name: /Legal/ }).click();
  await box.pressSequentially('please check.');
  await expect(box).toHaveValue(
    /^Is this a legal promise\? @\[Legal\]\(team:[^)]+\) please check\.$/,
  );
  await comments(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = comments(page).getByRole('article', { name: `Thread by ${chloe.name}` });
  await expect(thread).toContainText('Is this a legal promise? @Legal please check.');
  await expect(thread.locator('blockquote')).toHaveText('first frost');
  await expect(thread).toContainText('On “Lead”');

  // Claire sees the mention under the bell and opens it.
  await clairePage.goto(`/w/${api.slug}`);
  const bell = clairePage.getByRole('button', { name: 'Notifications, 1 unread' });
  await expect(bell).toBeVisible();
  await bell.click();
  await clairePage
    .getByRole('dialog', { name: 'Notifications' })
    .getByRole('link', { name: `${chloe.name} mentioned you on “Winter tank safety”` })
    .click();
  await expect(clairePage).toHaveURL(new RegExp(`${path}$`));
  await expect(
    clairePage.getByRole('button', { name: 'Notifications', exact: true }),
  ).toBeVisible();

  // She replies, then resolves the thread: it folds away.
  const hers = comments(clairePage).getByRole('article', { name: `Thread by ${chloe.name}` });
  await hers.getByRole('button', { name: 'Reply' }).click();
  await hers.getByRole('combobox', { name: 'Your reply' }).fill('Fine if we say "before".');
  await hers.getByRole('button', { name: 'Reply' }).click();
  await expect(hers).toContainText('Fine if we say "before".');
  await expect(hers).toContainText(claire.name);
  await hers.getByRole('button', { name: 'Resolve' }).click();
  const folded = comments(clairePage).locator('details.comment-resolved');
  await expect(folded.locator('summary')).toHaveText('1 resolved thread');
  await expect(hers).toBeHidden();
  await folded.locator('summary').click();
  await expect(folded.getByRole('button', { name: 'Reopen' })).toBeVisible();

  // Chloé gives Claire the legal check as a task.
  await tasks(page).getByLabel('Task', { exact: true }).fill('Legal check of the lead');
  await tasks(page).getByLabel('Assignee').selectOption({ label: claire.name });
  await tasks(page).getByLabel('Due date').fill('2030-01-15');
  await tasks(page).getByRole('button', { name: 'Add the task' }).click();
  await expect(tasks(page).getByRole('listitem')).toContainText(claire.name);

  // Claire ticks it done.
  await clairePage.reload();
  const box2 = tasks(clairePage).getByRole('checkbox', { name: 'Legal check of the lead' });
  await expect(box2).not.toBeChecked();
  await box2.check();
  await expect(box2).toBeChecked();
  await clairePage.reload();
  await expect(
    tasks(clairePage).getByRole('checkbox', { name: 'Legal check of the lead' }),
  ).toBeChecked();
  await context.close();
});
