import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { claire, type Api } from './people';

// Claire, the reviewer of the phone and margin specs, joins in the test's own page (whatever its
// size), so that the page's console is checked like Chloé's elsewhere.

/** Claire accepts her invitation in `page` (at whatever size it is) and is put in Legal. */
export async function claireJoinsLegalIn(page: Page, api: Api) {
  const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/members`,
    { email: claire.email, role: 'reviewer' },
  );
  await page.goto(new URL(invitation.accept_url).pathname);
  await page.getByLabel('Your name').fill(claire.name);
  await page.getByLabel('Password').fill(claire.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${claire.name}` })).toBeVisible();
  const members = await api.get<{ items: { user_id: string; email: string }[] }>(
    `/api/v1/workspaces/${api.slug}/members`,
  );
  const claireId = members.items.find((m) => m.email === claire.email)!.user_id;
  const teams = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/teams`,
  );
  const legal = teams.items.find((team) => team.name === 'Legal')!.id;
  await api.send('PUT', `/api/v1/workspaces/${api.slug}/teams/${legal}/members`, [claireId]);
  return claireId;
}
