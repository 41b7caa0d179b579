import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect } from './fixtures';

// The people of the workflow and collaboration end-to-end tests, and their set-up: Chloé sets up
// the workspace and drives it through the API; Claire joins as a reviewer in the Legal team.

export const chloe = {
  name: 'Chloé Martin',
  email: 'chloe@example.com',
  password: 'citernes en hiver 2025',
};
export const claire = {
  name: 'Claire Dubois',
  email: 'claire@example.com',
  password: 'le droit avant tout',
};

export interface Api {
  slug: string;
  get: <T>(path: string) => Promise<T>;
  send: <T>(method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown) => Promise<T>;
}

/** The first account and workspace, and Chloé's API access (her session and CSRF token). */
export async function setUp(request: APIRequestContext): Promise<Api> {
  const setup = await request.post('/api/v1/setup', {
    data: { ...chloe, workspace_name: 'Acme Énergie', language: 'en' },
  });
  expect(setup.status()).toBe(201);
  const body = (await setup.json()) as { workspace: { slug: string }; csrf_token: string };
  const headers = { 'X-CSRF-Token': body.csrf_token };
  return {
    slug: body.workspace.slug,
    get: async <T>(path: string) => {
      const response = await request.get(path);
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as T;
    },
    send: async <T>(method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown) => {
      const response = await request.fetch(path, { method, data, headers });
      expect(response.ok(), await response.text()).toBe(true);
      return (await response.json()) as T;
    },
  };
}

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
}

/** Claire joins as a reviewer through an invitation, in a browser of her own, and goes in Legal. */
export async function claireJoinsLegal(browser: Browser, baseURL: string, api: Api) {
  const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/members`,
    { email: claire.email, role: 'reviewer' },
  );
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
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
  return { context, page };
}

/** The review round's panels on a content page. */
export const commentsPanel = (page: Page) => page.getByRole('region', { name: 'Comments' });
export const tasksPanel = (page: Page) => page.getByRole('region', { name: 'Tasks' });

/** The article the review-round specs work on, made by Chloé; its id and its page's path. */
export async function winterArticle(api: Api) {
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    {
      type: 'article',
      title: 'Winter tank safety',
      fields: { lead: 'Check your tank before the first frost.' },
    },
  );
  return { id: article.id, path: `/w/${api.slug}/contents/${article.id}` };
}
