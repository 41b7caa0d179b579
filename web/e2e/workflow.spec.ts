import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { chloe, claireJoinsLegal, logIn, setUp, type Api } from './people';

// The default workflow, run end to end in the browser: Chloé (owner, writer) sends an article to
// Legal validation, Claire (reviewer, in the Legal team the blocking gate asks) approves it, an
// edit makes the approval stale, the move to Ready is refused until Claire approves again, and
// the activity tells the story. Then cards move on the board.

interface Created {
  id: string;
  version: number;
}

/** Puts the account that set up the workspace (Chloé) in Legal, so she may approve too. */
async function chloeJoinsLegal(api: Api) {
  const me = await api.get<{ user: { id: string } }>('/api/v1/me');
  const teams = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/teams`,
  );
  const legal = teams.items.find((team) => team.name === 'Legal')!.id;
  await api.send('PUT', `/api/v1/workspaces/${api.slug}/teams/${legal}/members`, [me.user.id]);
}

async function statusId(api: Api, name: string): Promise<string> {
  const workflow = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  return workflow.statuses.find((s) => s.name === name)!.id;
}

const approvals = (page: Page) => page.getByRole('region', { name: 'Approvals' });
const legalApproval = (page: Page) =>
  approvals(page).getByRole('listitem').filter({ hasText: 'Legal' });
const statusSelect = (page: Page) => page.getByRole('combobox', { name: 'Status' });

test('legal validation: approve, stale after an edit, refused, approved again, told in the activity', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
    fields: { lead: 'Check your tank before the first frost.' },
  });
  const path = `/w/${api.slug}/contents/${article.id}`;
  const { context, page: clairePage } = await claireJoinsLegal(browser, baseURL!, api);

  // Chloé sends the article to Legal validation from its page.
  await logIn(page, chloe);
  await page.goto(path);
  await expect(statusSelect(page)).toHaveValue(/.+/);
  await expect(approvals(page)).toContainText('The workflow asks no approval at this step.');
  await statusSelect(page).selectOption({ label: 'Legal validation' });
  await expect(legalApproval(page)).toContainText('Waiting for a decision');
  await expect(approvals(page)).toContainText('No validated version yet.');
  // Chloé is not in Legal: she has nothing to decide.
  await expect(approvals(page).getByRole('button', { name: 'Approve' })).toHaveCount(0);

  // Claire reads it and approves, with a word.
  await clairePage.goto(path);
  await expect(legalApproval(clairePage)).toContainText('Waiting for a decision');
  await approvals(clairePage).getByLabel('Comment').fill('Fine for Legal.');
  await approvals(clairePage).getByRole('button', { name: 'Approve' }).click();
  await expect(legalApproval(clairePage)).toContainText(/Approved on revision 1 by Claire Dubois/);
  await expect(approvals(clairePage)).toContainText('Validated version: revision 1');

  // Chloé sees the approval, then edits the lead: the approval turns stale.
  await page.reload();
  await expect(legalApproval(page)).toContainText('Approved on revision 1 by Claire Dubois');
  const lead = page.getByLabel('Lead', { exact: true });
  await lead.click();
  await lead.press('End');
  await lead.pressSequentially(' Frozen pipes burst.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect(legalApproval(page)).toContainText(
    /Stale: the text changed since Claire Dubois decided on revision 1/,
  );
  // Revision 1 stays the validated one, and says it is not the text on screen any more.
  await expect(page.getByTestId('validated-version')).toHaveText(
    'Validated version: revision 1 — no longer the current text (revision 2 changed it)',
  );

  // What changed since the approval, word by word.
  await legalApproval(page).getByRole('button', { name: 'Changes since approval' }).click();
  const diff = page.getByRole('dialog', { name: 'Legal: changes since revision 1' });
  await expect(diff.locator('ins')).toContainText('Frozen pipes burst.');
  await diff.getByRole('button', { name: 'Close' }).click();

  // The move to Ready is refused, in words, and the status stays.
  await page.getByRole('button', { name: 'Send to Ready' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'This content cannot move to Ready yet: it needs the approval of Legal on its current text.',
  );
  await expect(statusSelect(page).locator('option:checked')).toHaveText('Legal validation');

  // Claire sees the stale approval and the change, and approves the new revision.
  await clairePage.reload();
  await expect(legalApproval(clairePage)).toContainText('Stale');
  await approvals(clairePage).getByRole('button', { name: 'Approve' }).click();
  await expect(legalApproval(clairePage)).toContainText(/Approved on revision 2 by Claire Dubois/);

  // Now Chloé's move goes through.
  await page.reload();
  await page.getByRole('button', { name: 'Send to Ready' }).click();
  await expect(statusSelect(page).locator('option:checked')).toHaveText('Ready');
  await expect(approvals(page)).toContainText('Validated version: revision 2');

  // The activity tells the story, newest first.
  await page
    .getByRole('navigation', { name: 'Views of this content' })
    .getByRole('link', { name: 'Activity' })
    .click();
  const lines = page.getByRole('region', { name: 'Activity' }).getByRole('listitem');
  await expect(lines.first()).toContainText('Chloé Martin moved it to Ready on');
  const story = (await lines.allInnerTexts()).reverse();
  const expected = [
    'Chloé Martin created the content',
    'Chloé Martin moved it to Legal validation',
    'Legal (Claire Dubois) approved revision 1',
    'Fine for Legal.',
    'Chloé Martin changed Lead (revision 2)',
    'Revision 2 changed the text: the approval of Legal is stale',
    'Legal (Claire Dubois) approved revision 2',
    'Chloé Martin moved it to Ready',
  ];
  let at = 0;
  for (const words of expected) {
    const found = story.findIndex((line, index) => index >= at && line.includes(words));
    expect(found, `"${words}" in order in:\n${story.join('\n')}`).toBeGreaterThanOrEqual(at);
    at = found;
  }
  await context.close();
});

test('the board: a card dragged to the next column moves; a blocked one snaps back and says why', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const workflow = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  const status = (name: string) => workflow.statuses.find((s) => s.name === name)!.id;
  const post = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'social_post',
    title: 'Three winter tips',
  });
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await api.send('POST', `/api/v1/contents/${article.id}/status`, {
    status: status('Legal validation'),
  });

  await logIn(page, chloe);
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Board' })
    .click();
  await expect(page.getByRole('heading', { name: 'Board', level: 1 })).toBeVisible();
  const column = (name: string): Locator => page.getByTestId(`column-${status(name)}`);
  const card = (id: string) => page.getByTestId(`card-${id}`);
  await expect(column('Idea').getByText('Three winter tips')).toBeVisible();
  await expect(card(article.id)).toContainText('Legal: waiting');

  // Dragged from Idea to Writing: it moves, and the server agrees.
  await card(post.id).dragTo(column('Writing'));
  await expect(column('Writing').getByText('Three winter tips')).toBeVisible();
  await expect(
    page.getByRole('status').getByText('“Three winter tips” moved to Writing.'),
  ).toBeVisible();
  const moved = await api.get<{ status: { name: string } }>(`/api/v1/contents/${post.id}`);
  expect(moved.status.name).toBe('Writing');

  // Dragged past Legal validation without Legal's approval: back in its column, and why. (The
  // board scrolls sideways: both columns in view first, as a person would have them.)
  await column('Ready').scrollIntoViewIfNeeded();
  await card(article.id).dragTo(column('Ready'));
  await expect(page.getByRole('alert')).toContainText(
    '“Winter tank safety” stays in Legal validation: it needs the approval of Legal on its current text before it can move to Ready.',
  );
  await expect(column('Legal validation').getByText('Winter tank safety')).toBeVisible();
  await expect(column('Ready').getByText('Winter tank safety')).toHaveCount(0);

  // The same move from the keyboard: "Move to…" on the card.
  await card(post.id)
    .getByRole('button', { name: 'Move “Three winter tips” to another status' })
    .click();
  await page
    .getByRole('dialog', { name: 'Move to' })
    .getByRole('button', { name: 'Internal review' })
    .click();
  await expect(column('Internal review').getByText('Three winter tips')).toBeVisible();

  // The list and the board share their filters.
  await page.getByRole('button', { name: 'Type' }).click();
  await page.getByRole('checkbox', { name: 'Article' }).click();
  await expect(page.getByRole('checkbox', { name: 'Article' })).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(card(post.id)).toHaveCount(0);
  await page.getByRole('link', { name: 'List' }).click();
  await expect(page).toHaveURL(/\/contents\?type=article$/);
  await expect(page.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Three winter tips' })).toHaveCount(0);

  // The list filters by status too; on the board, a status filter keeps only its columns.
  const legal = status('Legal validation');
  await page.getByRole('button', { name: 'Status' }).click();
  await page.getByRole('checkbox', { name: 'Legal validation' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`/contents\\?type=article&status=${legal}$`));
  await expect(page.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Board' }).click();
  await expect(page).toHaveURL(new RegExp(`/board\\?type=article&status=${legal}$`));
  await expect(column('Legal validation').getByText('Winter tank safety')).toBeVisible();
  await expect(column('Idea')).toHaveCount(0);

  // Saved as a view on the board: the sidebar opens the board again.
  await page.getByRole('button', { name: 'Save view' }).click();
  const save = page.getByRole('dialog', { name: 'Save this view' });
  await save.getByLabel('Name').fill('Articles in legal');
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(save).toBeHidden();
  const sidebar = page.getByRole('navigation', { name: 'Workspace' });
  const view = sidebar.getByRole('link', { name: 'Articles in legal' });
  await expect(view).toHaveAttribute('aria-current', 'page');
  await sidebar.getByRole('link', { name: 'Contents' }).click();
  await expect(view).not.toHaveAttribute('aria-current', 'page');
  await view.click();
  await expect(page).toHaveURL(new RegExp(`/board\\?type=article&status=${legal}$`));
  await expect(column('Legal validation').getByText('Winter tank safety')).toBeVisible();
});

test('workflow settings: rename, reorder, gate, delete a status in use', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const idea = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'An idea',
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/settings/workflow`);
  await expect(page.getByRole('link', { name: 'Workflow' })).toBeVisible();
  const name = (n: number) => page.getByRole('textbox', { name: `Name of status ${n}` });
  await expect(name(1)).toHaveValue('Idea');

  // Rename the second status and move it up; ask Legal's approval, advisory, before leaving it.
  await name(2).fill('Drafting');
  await page.getByRole('button', { name: 'Move Drafting up' }).click();
  await expect(name(1)).toHaveValue('Drafting');
  await page.getByRole('button', { name: 'Nothing asked' }).first().click();
  await page.getByRole('checkbox', { name: 'Legal' }).check();
  await page.getByRole('radio', { name: 'Advisory: the move is allowed and recorded' }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Legal · advisory' })).toBeVisible();

  // Delete "Idea", which a content is in: its contents go where the dialog says.
  await page.getByRole('button', { name: 'Delete Idea' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Idea”?' });
  await dialog.getByLabel('Move its contents to').selectOption({ label: 'Internal review' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Save the workflow' }).click();
  await expect(page.getByText('Workflow saved.')).toBeVisible();

  const saved = await api.get<{ statuses: { name: string; gate: unknown }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  expect(saved.statuses.map((s) => s.name)).toEqual([
    'Drafting',
    'Internal review',
    'Legal validation',
    'Ready',
    'Published',
  ]);
  expect(saved.statuses[0]!.gate).toMatchObject({ no_violations: false, blocking: false });
  const moved = await api.get<{ status: { name: string } }>(`/api/v1/contents/${idea.id}`);
  expect(moved.status.name).toBe('Internal review');

  // After a reload the editor shows what the server kept.
  await page.reload();
  await expect(name(1)).toHaveValue('Drafting');
  await expect(page.getByRole('button', { name: 'Save the workflow' })).toBeDisabled();
});

test('a refusal on the content page reads in the reviewer’s language', async ({
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Sécurité des citernes en hiver',
    fields: { lead: 'Vérifiez votre citerne avant les premières gelées.' },
  });
  await api.send('POST', `/api/v1/contents/${article.id}/status`, {
    status: await statusId(api, 'Legal validation'),
  });
  // Chloé approves revision 1 for Legal too: an approved revision is sealed, so the next change
  // of the text makes revision 2.
  await chloeJoinsLegal(api);
  await api.send('POST', `/api/v1/contents/${article.id}/approvals`, {
    revision: 1,
    decision: 'approved',
  });
  const { context, page: clairePage } = await claireJoinsLegal(browser, baseURL!, api);
  await clairePage.getByRole('button', { name: 'Français' }).click();
  await expect(clairePage.locator('html')).toHaveAttribute('lang', 'fr');

  // Claire reads revision 1; meanwhile Chloé changes the lead, which makes it revision 2. Her
  // live channel hears nothing (a connection that dropped), so her page still shows revision 1:
  // otherwise it would follow the change and there would be nothing stale to refuse.
  await context.routeWebSocket(/\/api\/v1\/events/, () => {});
  await clairePage.goto(`/w/${api.slug}/contents/${article.id}`);
  const approve = clairePage.getByRole('button', { name: 'Approuver' });
  await expect(approve).toBeEnabled();
  const current = await api.get<Created>(`/api/v1/contents/${article.id}`);
  await api.send('PATCH', `/api/v1/contents/${article.id}`, {
    base_version: current.version,
    fields: { lead: 'Vérifiez votre citerne avant les gelées.' },
  });

  // Her approval of revision 1 is refused (409): said in French, not in the server's English.
  await approve.click();
  const refusal = clairePage.locator('.decision-form').getByRole('alert');
  await expect(refusal).toHaveText(
    'Le texte a changé depuis que vous l’avez ouvert\u00a0: relisez la révision actuelle avant de décider.',
  );
  await expect(refusal).not.toContainText('current');
  await context.close();
});

test('lock: the banner says who and why, the text is read-only until it is unlocked', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
    fields: { lead: 'Check your tank before the first frost.' },
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  const lead = page.getByLabel('Lead', { exact: true });
  await expect(lead).toBeEditable();

  await page.getByRole('button', { name: 'Lock the text' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lock the text' });
  await dialog.getByLabel('Why is it locked?').fill('Published exactly as validated by Legal');
  await dialog.getByRole('button', { name: 'Lock' }).click();
  await expect(dialog).toBeHidden();

  const banner = page.locator('.lock-banner');
  await expect(banner).toContainText(
    /Locked by Chloé Martin on .+: “Published exactly as validated by Legal”/,
  );
  await expect(lead).not.toBeEditable();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).not.toBeEditable();

  await banner.getByRole('button', { name: 'Unlock' }).click();
  await expect(banner).toHaveCount(0);
  await expect(lead).toBeEditable();
  await lead.click();
  await lead.press('End');
  await lead.pressSequentially(' Frozen pipes burst.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const saved = await api.get<{ fields: { lead: string }; lock: unknown }>(
    `/api/v1/contents/${article.id}`,
  );
  expect(saved.fields.lead).toBe('Check your tank before the first frost. Frozen pipes burst.');
  expect(saved.lock).toBeNull();
});

test('the workspace activity: moves and approvals in words, filtered, and as a CSV file', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  await chloeJoinsLegal(api);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await api.send('POST', `/api/v1/contents/${article.id}/status`, {
    status: await statusId(api, 'Legal validation'),
  });
  await api.send('POST', `/api/v1/contents/${article.id}/approvals`, {
    revision: 1,
    decision: 'approved',
    comment: 'Fine for Legal.',
  });

  await logIn(page, chloe);
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Activity' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/w/${api.slug}/activity$`));
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  const items = page.locator('.activity-page .activity-item');
  const moved = items.filter({ hasText: 'Chloé Martin moved it to Legal validation on' });
  const approved = items.filter({ hasText: 'Legal (Chloé Martin) approved revision 1 on' });
  await expect(moved).toBeVisible();
  await expect(approved).toBeVisible();
  await expect(approved).toContainText('Fine for Legal.');
  await expect(approved.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();

  // Only the approvals: the move is filtered out, and the URL keeps the filter.
  await page.getByLabel('What').selectOption({ label: 'Approvals' });
  await expect(page).toHaveURL(/\/activity\?kind=approval\.$/);
  await expect(moved).toHaveCount(0);
  await expect(approved).toBeVisible();

  // The spreadsheet file holds what the page shows, as the page says it: the title, the
  // person's name, one sentence per event (English: commas; UTF-8 with its byte-order mark).
  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download for a spreadsheet' }).click();
  const sheetFile = await sheet;
  expect(sheetFile.suggestedFilename()).toMatch(new RegExp(`^copydesk-activity-${api.slug}-`));
  const rows = readFileSync((await sheetFile.path())!, 'utf8').split('\r\n');
  expect(rows[0]).toBe('\ufeff"Date and time","Person","Content","What happened","Remark"');
  expect(rows[1]).toMatch(
    /^"\d{4}-\d{2}-\d{2} \d{2}:\d{2}","Chloé Martin","Winter tank safety","Legal \(Chloé Martin\) approved revision 1","Fine for Legal\."$/,
  );
  expect(rows.join('\n')).not.toContain('moved it to');

  // The machine CSV, for integrations, keeps ids and kinds.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV for integrations' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('copydesk-activity.csv');
  const csv = readFileSync((await file.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('seq,time,actor,kind,content,details');
  expect(csv).toContain('"approval.given"');
  expect(csv).not.toContain('"content.status_changed"');

  // The content's title opens it.
  await approved.getByRole('link', { name: 'Winter tank safety' }).click();
  await expect(page).toHaveURL(new RegExp(`/contents/${article.id}$`));
});

test('at 1024 px the board, the content page and the activity fit the window', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety, and everything a household should check before the first frost',
    fields: { lead: 'Check your tank before the first frost.' },
  });
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, chloe);
  const fits = async () => {
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth, 'the page is no wider than the window').toBeLessThanOrEqual(innerWidth);
  };

  await page.goto(`/w/${api.slug}/board`);
  await expect(page.getByTestId(`card-${article.id}`)).toBeVisible();
  await fits();

  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  await expect(page.getByLabel('Lead', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeVisible();
  await fits();

  await page.goto(`/w/${api.slug}/activity`);
  await expect(page.getByRole('link', { name: /^Winter tank safety/ }).first()).toBeVisible();
  await fits();
});
