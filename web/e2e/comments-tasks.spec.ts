import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp } from './people';

// The passages under discussion show in the text, and the work around a content is planned from
// a task list: Chloé comments on a sentence of the body and sees it highlighted until the thread
// is resolved; she keeps an "Article" task list in the settings, applies it to an article to be
// published on 10 March 2030, and renames one of its tasks.

const comments = (page: Page) => page.getByRole('region', { name: 'Comments' });
const tasks = (page: Page) => page.getByRole('region', { name: 'Tasks' });

/** Selects `quote` in a rich text field, as a reader dragging the mouse over it would. */
async function selectInRichText(page: Page, label: string, quote: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.click();
  await field.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the field`);
  }, quote);
}

test('a comment on a passage is highlighted in the text until its thread is resolved', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    {
      type: 'article',
      title: 'Winter tank safety',
      fields: { body: 'Check your tank before the first frost. Then call us.' },
    },
  );
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  const body = page.getByRole('textbox', { name: 'Body', exact: true });
  await expect(body).toContainText('before the first frost');

  await selectInRichText(page, 'Body', 'first frost');
  await comments(page).getByRole('button', { name: 'Comment on selection' }).click();
  await expect(comments(page).locator('blockquote')).toHaveText('first frost');
  await comments(page)
    .getByRole('combobox', { name: 'Comment on the passage' })
    .fill('Which date is that?');
  await comments(page).getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = comments(page).getByRole('article', { name: `Thread by ${chloe.name}` });
  await expect(thread).toContainText('Which date is that?');

  // The passage is highlighted in the text; reaching it shows its thread, and back.
  const highlight = body.locator('.thread-highlight');
  await expect(highlight).toHaveText('first frost');
  await highlight.click();
  await expect(thread).toHaveAttribute('aria-current', 'true');
  await expect(body.locator('.thread-highlight-active')).toHaveText('first frost');
  await thread.getByRole('button', { name: 'Show in the text' }).click();
  await expect(body.locator('.thread-highlight-active')).toHaveText('first frost');

  // Typing elsewhere keeps it on its words.
  await body.press('End');
  await body.pressSequentially(' Soon.');
  await expect(highlight).toHaveText('first frost');

  // Resolved: the highlight goes, the thread folds away.
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(body.locator('.thread-highlight')).toHaveCount(0);
  const folded = comments(page).locator('details.comment-resolved');
  await expect(folded.locator('summary')).toHaveText('1 resolved thread');
  await expect(thread).toBeHidden();
});

test('a task list brings its tasks due relative to the publication date; a renamed task stays renamed', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Spring offer', publish_at: '2030-03-10T09:00:00Z' },
  );
  await logIn(page, chloe);

  // The "Article" list, kept in the settings.
  await page.goto(`/w/${api.slug}/settings/task-lists`);
  await page.getByRole('button', { name: 'New task list' }).click();
  const editor = page.getByRole('form', { name: 'New task list' });
  await editor.getByLabel('Name').fill('Article');
  const rows: [string, string, 'before' | 'after'][] = [
    ['Brief', '7', 'before'],
    ['Legal check', '2', 'before'],
    ['Publication', '0', 'after'],
  ];
  for (const [index, [title, days, side]] of rows.entries()) {
    if (index > 0) await editor.getByRole('button', { name: '+ Add a task' }).click();
    await editor.getByLabel(`Task ${index + 1}`, { exact: true }).fill(title);
    await editor.getByLabel(`Days from publication, task ${index + 1}`).fill(days);
    await editor.getByLabel(`Before or after publication, task ${index + 1}`).selectOption(side);
  }
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'Brief · Legal check · Publication' })).toBeVisible();

  // Applied to the article: three tasks, due 7 and 2 days before 10 March, and on the day.
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  await tasks(page).getByRole('button', { name: 'Apply a task list' }).click();
  const apply = tasks(page).getByRole('form', { name: 'Apply a task list' });
  await expect(apply).toContainText('counted from the publication date');
  await apply.getByLabel('Task list', { exact: true }).selectOption({ label: 'Article' });
  await apply.getByRole('button', { name: 'Add these tasks' }).click();
  await expect(tasks(page).getByRole('status')).toHaveText('3 tasks added from “Article”.');
  const items = tasks(page).locator('li.task');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Brief');
  await expect(items.nth(0)).toContainText('due Mar 3, 2030');
  await expect(items.nth(1)).toContainText('Legal check');
  await expect(items.nth(1)).toContainText('due Mar 8, 2030');
  await expect(items.nth(2)).toContainText('due Mar 10, 2030');
  const stored = await api.get<{ items: { title: string; due_at: string }[] }>(
    `/api/v1/contents/${article.id}/tasks`,
  );
  const dueOf = (title: string) =>
    Date.parse(stored.items.find((task) => task.title === title)!.due_at);
  expect(dueOf('Brief')).toBe(Date.parse('2030-03-03T09:00:00Z'));
  expect(dueOf('Publication')).toBe(Date.parse('2030-03-10T09:00:00Z'));

  // Renamed in place, still renamed after a reload.
  await tasks(page).getByRole('button', { name: 'Edit the task “Brief”' }).click();
  const form = tasks(page).getByRole('form', { name: 'Edit the task “Brief”' });
  await form.getByLabel('Task', { exact: true }).fill('Brief for the agency');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(tasks(page).getByRole('checkbox', { name: 'Brief for the agency' })).toBeVisible();
  await page.reload();
  await expect(tasks(page).getByRole('checkbox', { name: 'Brief for the agency' })).toBeVisible();
  await expect(tasks(page).getByRole('checkbox', { name: 'Brief', exact: true })).toHaveCount(0);
});
