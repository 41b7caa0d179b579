import { expect, test } from './fixtures';
import { chloe, claire, logIn, setUp } from './people';
import { claireJoinsLegalIn } from './reviewer';

// On a wide screen the comment threads sit in the margin beside the passage they are about, as
// in the editors people know, rather than at the bottom of a long column; a mention opens the
// content at its thread.

const paragraphs = Array.from(
  { length: 14 },
  (_, n) =>
    `Paragraph ${n + 1}. A tank that freezes cracks, and a cracked tank leaks into the garden; ` +
    'check the gauge every week from November and call us at the first sign of trouble.',
);
paragraphs[1] = 'Our technicians come within the day, weekends included.';
paragraphs[11] = 'Keep the lid clear of snow, so that the delivery can reach it.';

test.use({ viewport: { width: 1440, height: 900 } });

test('threads sit beside their passages; a mention opens the content at its thread', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const claireId = await claireJoinsLegalIn(page, api);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Winter tank safety', fields: { body: paragraphs.join('\n\n') } },
  );
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: 'A general remark on the whole text.',
  });
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: 'Is this a legal promise?',
    anchor: { field: 'body', quote: 'within the day' },
  });
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: `Is the snow really our customers’ job? @[${claire.name}](user:${claireId})`,
    anchor: { field: 'body', quote: 'clear of snow' },
  });

  // Claire's mention, under the bell, opens the content at its thread, far down the text.
  await page.goto(`/w/${api.slug}`);
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
  await page
    .getByRole('link', { name: `${chloe.name} mentioned you on “Winter tank safety”` })
    .click();
  const comments = page.getByRole('region', { name: 'Comments' });
  const threads = comments.getByRole('article', { name: `Thread by ${chloe.name}` });
  const snow = threads.filter({ hasText: 'Is the snow really' });
  await expect(snow).toHaveAttribute('aria-current', 'true');
  await expect(snow).toBeInViewport();
  const text = page.getByRole('textbox', { name: 'Body', exact: true });
  const snowPassage = text.locator('.thread-highlight-active');
  await expect(snowPassage).toHaveText('clear of snow');
  await expect(snowPassage).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`/contents/${article.id}$`));
  if (process.env.SHOTS) await page.screenshot({ path: `${process.env.SHOTS}/margin.png` });

  // A thread on a passage is level with it, in the margin right of the text; the remark on no
  // passage comes first, and the thread on the passage near the top just below it.
  const top = async (locator: typeof text) => (await locator.boundingBox())!.y;
  const textRight = await text.evaluate((element) => element.getBoundingClientRect().right);
  await expect(async () => {
    expect(Math.abs((await top(snow)) - (await top(snowPassage)))).toBeLessThan(24);
  }).toPass();
  expect((await snow.boundingBox())!.x).toBeGreaterThan(textRight);
  const legal = threads.filter({ hasText: 'Is this a legal promise?' });
  const legalPassage = text.locator('.thread-highlight', { hasText: 'within the day' });
  expect(await top(legal)).toBeGreaterThanOrEqual((await top(legalPassage)) - 24);
  const general = threads.filter({ hasText: 'A general remark' });
  expect(await top(general)).toBeLessThan(await top(threads.filter({ hasText: 'legal promise' })));
  expect((await top(snow)) - (await top(general))).toBeGreaterThan(400);

  // A reply grows its thread; the one below moves down and stays clear of it.
  const first = legal;
  await first.getByRole('button', { name: 'Reply' }).click();
  await first.getByRole('combobox', { name: 'Your reply' }).fill('Yes, the contracts say so.');
  await first.getByRole('button', { name: 'Reply' }).click();
  await expect(first).toContainText('Yes, the contracts say so.');
  await expect(async () => {
    const above = (await first.boundingBox())!;
    const below = (await snow.boundingBox())!;
    expect(below.y).toBeGreaterThanOrEqual(above.y + above.height);
  }).toPass();
});

test('below a wide screen the threads stay in the panel beside the text', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Winter tank safety', fields: { body: paragraphs.join('\n\n') } },
  );
  await api.send('POST', `/api/v1/contents/${article.id}/comments`, {
    body: 'Is this a legal promise?',
    anchor: { field: 'body', quote: 'within the day' },
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  const thread = page
    .getByRole('region', { name: 'Comments' })
    .getByRole('article', { name: `Thread by ${chloe.name}` });
  await expect(thread).toBeVisible();
  // Widened past 1,360 px, the thread moves into the margin, level with its passage.
  await page.setViewportSize({ width: 1440, height: 800 });
  const passage = page
    .getByRole('textbox', { name: 'Body', exact: true })
    .locator('.thread-highlight');
  await expect(async () => {
    const a = (await thread.boundingBox())!.y;
    const b = (await passage.boundingBox())!.y;
    expect(Math.abs(a - b)).toBeLessThan(24);
  }).toPass();
});
