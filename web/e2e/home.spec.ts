import type { Page } from '@playwright/test';
import { fitsTheWindow, phone } from './checks';
import { expect, test } from './fixtures';
import { claireJoinsLegal, setUp, type Api } from './people';

// The home as the day's dashboard (issue 16): Chloé plans an article for today, assigns it to
// Claire (Legal) and moves it to the status Legal must approve. Claire's home shows it in the
// week and waiting for her approval; the "Assigned to me" figure opens the list filtered on her.
// At desktop and phone widths.

async function planArticle(api: Api, claireId: string) {
  const ws = `/api/v1/workspaces/${api.slug}`;
  const article = await api.send<{ id: string }>('POST', `${ws}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
    assignees: [claireId],
    // Within the hour: today, in this week whatever the day.
    publish_at: new Date(Date.now() + 30 * 60_000).toISOString(),
  });
  const workflow = await api.get<{
    statuses: { id: string; gate: { teams: string[] } | null }[];
  }>(`${ws}/workflow`);
  const gated = workflow.statuses.find((s) => s.gate && s.gate.teams.length > 0)!;
  await api.send('POST', `/api/v1/contents/${article.id}/status`, { status: gated.id });
  return article.id;
}

async function claireSeesHerDay(page: Page, slug: string) {
  await page.goto(`/w/${slug}`);
  const week = page.getByRole('region', { name: 'This week' });
  await expect(week.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();
  const waiting = page.getByRole('region', { name: 'Waiting for my approval' });
  await expect(waiting.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();
  await expect(waiting).toContainText('for Legal');
  const assigned = page.getByRole('region', { name: 'Assigned to me' });
  await expect(assigned.getByRole('link', { name: 'Winter tank safety' })).toBeVisible();
  await fitsTheWindow(page, 'home');

  // The figure's count opens the list behind it, filtered on Claire.
  await assigned.getByRole('link', { name: /see the Assigned to me list/ }).click();
  await expect(page).toHaveURL(/\/contents\?assignee=/);
  await expect(page.getByRole('link', { name: 'Winter tank safety' }).first()).toBeVisible();
}

async function prepare(
  request: Parameters<typeof setUp>[0],
  browser: Parameters<typeof claireJoinsLegal>[0],
  baseURL: string,
) {
  const api = await setUp(request);
  const { context, page } = await claireJoinsLegal(browser, baseURL, api);
  const members = await api.get<{ items: { user_id: string; email: string }[] }>(
    `/api/v1/workspaces/${api.slug}/members`,
  );
  const claireId = members.items.find((m) => m.email === 'claire@example.com')!.user_id;
  await planArticle(api, claireId);
  return { api, context, page };
}

test('Claire’s home shows the week’s publication and what waits for her approval', async ({
  request,
  browser,
  baseURL,
}) => {
  const { api, context, page } = await prepare(request, browser, baseURL!);
  await claireSeesHerDay(page, api.slug);
  await context.close();
});

test.describe('on a phone', () => {
  test('the home fits and its figures still lead to their lists', async ({
    request,
    browser,
    baseURL,
  }) => {
    const { api, context, page } = await prepare(request, browser, baseURL!);
    await page.setViewportSize(phone);
    await claireSeesHerDay(page, api.slug);
    await context.close();
  });
});
