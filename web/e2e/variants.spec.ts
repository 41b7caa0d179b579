import type { Page } from '@playwright/test';
import { fitsTheWindow, phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, setUp, type Api } from './people';

// Issue 20, end to end: Chloé writes one message about spring heat pumps and cuts it for X,
// LinkedIn and the newsletter, each counted by its network's rules and previewed as it will look;
// Marc, the regional director, validates all three at once through a review link, and the
// approval says which variants it covered. At a desktop's width and a phone's.

const marc = { name: 'Marc Lefèvre', email: 'marc@example.com' };

const xText =
  'Spring is here: three checks for your heat pump before the warm days 🌱 ' +
  'https://acme-energie.fr/blog/spring-heat-pump-checks-before-the-warm-days';
const linkedInText =
  'Spring is the right time to look after your heat pump. Our technicians share the three ' +
  'checks they make at every visit: the outdoor unit clear of leaves, the filters clean, and ' +
  'the pressure within the range on the gauge.\n\nRead the guide and book a visit. #heatpump';
const subject = 'Spring checks for your heat pump';
const preheader = 'Three things to look at before the warm days';

interface Channel {
  id: string;
  name: string;
  network?: string | null;
}

/** Chloé's article about spring checks, planned for X, LinkedIn and the newsletter. */
async function springArticle(api: Api) {
  const channels = await api.get<{ items: Channel[] }>(`/api/v1/workspaces/${api.slug}/channels`);
  const of = (network: string) => channels.items.find((c) => c.network === network)!;
  const chosen = { x: of('x'), linkedin: of('linkedin'), newsletter: of('newsletter') };
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    {
      type: 'article',
      title: 'Spring checks for your heat pump',
      fields: {
        lead: 'Three checks before the warm days, by our technicians.',
        body: 'The outdoor unit, the filters and the pressure: a quarter of an hour each spring.',
      },
      channels: [chosen.x.id, chosen.linkedin.id, chosen.newsletter.id],
    },
  );
  return { article, channels: chosen };
}

/** Types a variant's field on the content page (its card, then the field's label). */
async function fill(page: Page, network: string, label: string, text: string) {
  await page.getByTestId(`variant-${network}`).getByLabel(label, { exact: true }).fill(text);
}

async function saved(page: Page) {
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
}

/** Chloé cuts the message for the three networks, checking each counter and preview. */
async function cutForThreeNetworks(page: Page) {
  const x = page.getByTestId('variant-x');
  const linkedin = page.getByTestId('variant-linkedin');
  const newsletter = page.getByTestId('variant-newsletter');
  // Until she edits them, the three cuts follow the main text.
  for (const card of [x, linkedin, newsletter]) {
    await expect(card.getByTestId('variant-state')).toHaveText('Derived from the main text');
  }
  await expect(page.getByTestId('preview-x')).toContainText('Spring checks for your heat pump');

  // X: too long first, then the cut. The URL weighs 23 whatever its length, the emoji 2.
  await fill(page, 'x', 'Text', `${xText} ${'and more '.repeat(30)}`);
  await expect(x.locator('.counter-over')).toBeVisible();
  await expect(page.getByTestId('variant-check')).toContainText('X · Text');
  await fill(page, 'x', 'Text', xText);
  await expect(x.locator('.counters')).toContainText('95 / 280');
  await expect(page.getByTestId('variant-check')).toHaveCount(0);
  await expect(x.getByTestId('variant-state')).toHaveText('Edited for this channel');

  // LinkedIn: the hook, what shows before "…see more", and the hashtag count.
  await fill(page, 'linkedin', 'Text', linkedInText);
  await expect(linkedin.getByTestId('variant-hook')).toContainText(
    'The first 210 characters show before “…see more”',
  );
  await expect(linkedin.getByTestId('variant-tags')).toContainText('Hashtags: 1');

  // The newsletter: subject, preheader, its text.
  await fill(page, 'newsletter', 'Subject', subject);
  await fill(page, 'newsletter', 'Preheader', preheader);
  await saved(page);

  // The previews, as each network will show the cut.
  const previewX = page.getByTestId('preview-x');
  await expect(previewX).toContainText('Spring is here: three checks');
  // X shows a link without its scheme, cut after 23 characters.
  await expect(previewX).toContainText('acme-energie.fr/blog/sp…');
  const previewLinkedIn = page.getByTestId('preview-linkedin');
  await expect(previewLinkedIn.getByRole('button', { name: '…see more' })).toBeVisible();
  await expect(previewLinkedIn).not.toContainText('#heatpump');
  await previewLinkedIn.getByRole('button', { name: '…see more' }).click();
  await expect(previewLinkedIn).toContainText('#heatpump');
  const inbox = page.getByTestId('preview-newsletter').getByTestId('preview-inbox');
  await expect(inbox).toContainText('Acme Énergie');
  await expect(inbox).toContainText(subject);
  await expect(inbox).toContainText(preheader);

  // Light by default here (the browser prefers light); dark at a click.
  await expect(previewX).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Dark', exact: true }).click();
  await expect(previewX).toHaveAttribute('data-theme', 'dark');
}

for (const screen of ['desktop', 'phone'] as const) {
  test.describe(`on a ${screen}`, () => {
    if (screen === 'phone') test.use({ viewport: phone, hasTouch: true, isMobile: true });

    test('one message cut for X, LinkedIn and the newsletter, validated at once by a link', async ({
      page,
      request,
      browser,
      baseURL,
    }) => {
      const api = await setUp(request);
      const { article, channels } = await springArticle(api);
      await logInAnyWidth(page);
      await page.goto(`/w/${api.slug}/contents/${article.id}`);
      await expect(page.getByRole('heading', { name: 'Channels' })).toBeVisible();
      await cutForThreeNetworks(page);

      // The variants are part of the text the server keeps.
      const stored = await api.get<{
        variants: Record<string, { fields: Record<string, string> }>;
      }>(`/api/v1/contents/${article.id}`);
      expect(stored.variants[channels.x.id]!.fields.text).toBe(xText);
      expect(stored.variants[channels.linkedin.id]!.fields.text).toBe(linkedInText);
      expect(stored.variants[channels.newsletter.id]!.fields.subject).toBe(subject);

      // Side by side on a desktop, one under the other on a phone.
      const boxX = (await page.getByTestId('preview-x').boundingBox())!;
      const boxLinkedIn = (await page.getByTestId('preview-linkedin').boundingBox())!;
      if (screen === 'desktop') expect(boxLinkedIn.y).toBeCloseTo(boxX.y, 0);
      else {
        const [top, bottom] = boxX.y < boxLinkedIn.y ? [boxX, boxLinkedIn] : [boxLinkedIn, boxX];
        expect(bottom.y).toBeGreaterThanOrEqual(top.y + top.height - 1);
      }
      await fitsTheWindow(page, `the content page on a ${screen}`);

      // A review link that validates, for Marc.
      const link = await api.send<{ url: string }>('POST', `/api/v1/contents/${article.id}/links`, {
        level: 'validate',
        label: 'Marc, regional director',
      });
      const marcContext = await browser.newContext({
        baseURL: baseURL!,
        ...(screen === 'phone' ? { viewport: phone, hasTouch: true, isMobile: true } : {}),
      });
      const marcPage = await marcContext.newPage();
      await marcPage.goto(new URL(link.url).pathname);
      await marcPage.getByLabel('Your name').fill(marc.name);
      await marcPage.getByLabel('Your e-mail').fill(marc.email);
      await marcPage.getByRole('button', { name: 'Open' }).click();
      await expect(
        marcPage.getByRole('heading', { name: 'Spring checks for your heat pump' }),
      ).toBeVisible();
      // He sees the three cuts as they will be published.
      await expect(marcPage.getByTestId('preview-x')).toContainText('Spring is here');
      await expect(marcPage.getByTestId('preview-linkedin')).toContainText(
        'Spring is the right time',
      );
      await expect(marcPage.getByTestId('preview-newsletter')).toContainText(preheader);
      await fitsTheWindow(marcPage, `the review page on a ${screen}`);
      await marcPage.getByRole('button', { name: 'Validate', exact: true }).click();
      await expect(marcPage.getByRole('status').filter({ hasText: 'You validated' })).toBeVisible();
      await marcContext.close();

      // Chloé sees that his validation covers the three variants.
      await page.reload();
      if (screen === 'phone') {
        await page
          .getByRole('navigation', { name: 'The content’s panels' })
          .getByRole('button', { name: 'Status' })
          .click();
      }
      const decision = page.getByTestId('visitor-decision');
      await expect(decision).toContainText('Validated by Marc Lefèvre via a review link');
      // (in the order the server lists them)
      const covers = decision.getByTestId('approval-covers');
      await expect(covers).toContainText('Covers: ');
      for (const name of ['X', 'LinkedIn', 'Newsletter']) await expect(covers).toContainText(name);
      if (screen === 'phone') await page.keyboard.press('Escape');

      // LinkedIn goes back to the main text, after a confirmation; the validation is stale.
      const linkedin = page.getByTestId('variant-linkedin');
      await linkedin.getByRole('button', { name: 'Reset to main text' }).click();
      const confirm = page.getByRole('dialog', { name: 'Reset LinkedIn to the main text?' });
      await confirm.getByRole('button', { name: 'Reset to main text' }).click();
      await expect(linkedin.getByTestId('variant-state')).toHaveText('Derived from the main text');
      const after = await api.get<{ variants?: Record<string, unknown> }>(
        `/api/v1/contents/${article.id}`,
      );
      expect(Object.keys(after.variants ?? {}).sort()).toEqual(
        [channels.x.id, channels.newsletter.id].sort(),
      );
      await page.reload();
      if (screen === 'phone') {
        await page
          .getByRole('navigation', { name: 'The content’s panels' })
          .getByRole('button', { name: 'Status' })
          .click();
      }
      await expect(page.getByTestId('visitor-decision').getByText('Stale')).toBeVisible();
    });
  });
}

/** Logs Chloé in; on a phone the navigation waits behind the menu button. */
async function logInAnyWidth(page: import('@playwright/test').Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/w\//);
}
