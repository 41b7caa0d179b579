import { expect, test } from './fixtures';

// Settings › Webhooks: an admin subscribes a URL, copies the secret shown once, sees the
// deliveries of an event, pauses, resumes and deletes the webhook.

test('webhooks: the secret shown once, a delivery in the log, pause, resume, delete', async ({
  page,
  request,
}) => {
  const setup = await request.post('/api/v1/setup', {
    data: {
      email: 'chloe@example.com',
      name: 'Chloé Martin',
      password: 'citernes en hiver 2025',
      workspace_name: 'Acme',
      language: 'en',
    },
  });
  expect(setup.status()).toBe(201);
  const { workspace } = (await setup.json()) as { workspace: { id: string; slug: string } };
  await page.goto('/login');
  await page.getByLabel('Email').fill('chloe@example.com');
  await page.getByLabel('Password').fill('citernes en hiver 2025');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();

  await page.goto(`/w/${workspace.slug}/settings/webhooks`);
  await expect(page.getByText('No webhook yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New webhook' }).click();
  const form = page.getByRole('dialog', { name: 'New webhook' });
  // A name that never resolves: the delivery is attempted and logged, never received.
  await form.getByLabel('Receiver URL').fill('https://cms.example.invalid/hooks/copydesk');
  await form.getByLabel('Description (optional)').fill('Website CMS');
  await form.getByRole('checkbox', { name: /Content created/ }).check();
  await form.getByLabel('Project').selectOption('');
  await form.getByRole('button', { name: 'Create webhook' }).click();

  const secret = page.getByRole('dialog', { name: 'The webhook’s secret' });
  await expect(secret.getByLabel('Signing secret')).toHaveValue(/^whsec_/);
  await secret.getByRole('button', { name: 'I have copied it' }).click();
  await expect(secret).toBeHidden();
  const list = page.getByRole('list', { name: 'Webhooks' });
  await expect(list).toContainText('https://cms.example.invalid/hooks/copydesk');
  await expect(list).toContainText('Website CMS');
  await expect(list).toContainText('Active');

  await list.getByRole('button', { name: /Change the webhook to/ }).click();
  const edit = page.getByRole('dialog', { name: 'Change the webhook' });
  await edit.getByRole('checkbox', { name: /Content published/ }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(list).toContainText('Content published');

  const created = await page.request.post(`/api/v1/workspaces/${workspace.id}/contents`, {
    data: { type: 'article', title: 'Citernes en hiver' },
    headers: { 'X-CSRF-Token': await csrf(page) },
  });
  expect(created.status()).toBe(201);

  await list.getByRole('button', { name: 'Deliveries' }).click();
  const log = page.getByRole('table', { name: /Recent deliveries to/ });
  await expect(log).toContainText('content.created', { timeout: 15_000 });
  await expect(log.getByRole('button', { name: 'Send again' })).toBeVisible();

  await list.getByRole('button', { name: 'Pause' }).click();
  await expect(list).toContainText('Paused');
  await list.getByRole('button', { name: 'Resume' }).click();
  await expect(list).toContainText(/Active|Deliveries failing since/);

  await list.getByRole('button', { name: /Delete the webhook to/ }).click();
  const confirm = page.getByRole('dialog', { name: /Delete the webhook to/ });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No webhook yet.')).toBeVisible();
});

async function csrf(page: import('@playwright/test').Page): Promise<string> {
  const me = await page.request.get('/api/v1/me');
  return ((await me.json()) as { csrf_token: string }).csrf_token;
}
