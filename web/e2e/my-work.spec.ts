import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Claire's My work page: Chloé (owner) assigns her a content and gives her an overdue task on
// another; both are on the page, the task marked overdue, and ticking it takes it off.

const chloe = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
};
const claire = {
  name: 'Claire Dubois',
  email: 'claire@example.com',
  password: 'le droit avant tout',
};

async function setUp(request: APIRequestContext) {
  const setup = await request.post('/api/v1/setup', {
    data: { ...chloe, workspace_name: 'Acme Énergie', language: 'en' },
  });
  expect(setup.status()).toBe(201);
  const body = (await setup.json()) as { workspace: { slug: string }; csrf_token: string };
  const headers = { 'X-CSRF-Token': body.csrf_token };
  return {
    slug: body.workspace.slug,
    send: async <T>(method: 'POST' | 'PUT' | 'PATCH' | 'GET', path: string, data?: unknown) => {
      const response = await request.fetch(path, { method, data, headers });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as T;
    },
  };
}

/** Claire accepts the invitation in the test's browser, whose console the fixture watches. */
async function claireJoins(page: Page, invitationUrl: string) {
  await page.goto(new URL(invitationUrl).pathname);
  await page.getByLabel('Your name').fill(claire.name);
  await page.getByLabel('Password').fill(claire.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${claire.name}` })).toBeVisible();
}

test('a task and a content assigned to Claire are on her My work page; ticking the task removes it', async ({
  request,
  page,
}) => {
  const api = await setUp(request);
  const ws = `/api/v1/workspaces/${api.slug}`;
  const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
    'POST',
    `${ws}/members`,
    { email: claire.email, role: 'editor' },
  );
  await claireJoins(page, invitation.accept_url);
  const members = await api.send<{ items: { user_id: string; email: string }[] }>(
    'GET',
    `${ws}/members`,
  );
  const claireId = members.items.find((m) => m.email === claire.email)!.user_id;

  await api.send('POST', `${ws}/contents`, {
    type: 'article',
    title: 'Heat pump guide',
    assignees: [claireId],
  });
  const other = await api.send<{ id: string }>('POST', `${ws}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await api.send('POST', `/api/v1/contents/${other.id}/tasks`, {
    title: 'Legal check of the lead',
    assignees: [claireId],
    due_at: '2020-01-15',
  });

  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'My work' })
    .click();
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();

  const tasks = page.getByRole('region', { name: 'My tasks' });
  const task = tasks.getByRole('listitem').filter({ hasText: 'Legal check of the lead' });
  await expect(task).toContainText('Overdue since');
  await expect(task.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();

  const contents = page.getByRole('region', { name: 'Contents I own or am assigned to' });
  await expect(contents.getByRole('link', { name: 'Heat pump guide' })).toBeVisible();

  // click, not check: the ticked task may leave the list (live update) before Playwright could
  // read its checkbox back, and check() would wait for a checkbox that is gone.
  await tasks.getByRole('checkbox', { name: 'Legal check of the lead' }).click();
  await expect(tasks.getByText('No open task is assigned to you.')).toBeVisible();
  await expect(task).toHaveCount(0);
});
