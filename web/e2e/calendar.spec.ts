import type { Page } from '@playwright/test';
import { addDays, addMonths, instantOf, startOfMonth, type Day } from '../src/lib/calendar';
import { allTouchSized, fitsTheWindow, passesAxe, phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, logIn, setUp, type Api } from './people';

// Issue 16, end to end: Chloé plans next month on the calendar — contents made on their days,
// two dragged to other days, one moved with the keyboard alone, one taken from the tray of
// contents without a date — marks the LinkedIn post published with its address, and meets a
// colleague's change on a stale drag, explained and sent again. A guest's calendar shows only
// what is shared with them. On a phone the calendar opens as an agenda, moved with a thumb.

const timeZone = 'Europe/Paris';
test.use({ timezoneId: timeZone });

interface Created {
  id: string;
  title: string;
  version: number;
  publish_at: string | null;
}

/** The first day of next month (in Paris), and the day `n` of it. */
function nextMonth(): { first: Day; on: (n: number) => Day } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const first = addMonths(startOfMonth(today), 1);
  return { first, on: (n) => addDays(first, n - 1) };
}

/** 09:30 in Paris on `day`, as the API writes instants. */
const at930 = (day: Day) => new Date(instantOf(day, 9, 30, timeZone)).toISOString();

/** "Tuesday, January 12, 2027", as the calendar names a day (en-US). */
const longDay = (day: Day) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

async function channelIds(api: Api): Promise<Record<string, string>> {
  const { items } = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/channels`,
  );
  return Object.fromEntries(items.map((channel) => [channel.name, channel.id]));
}

async function content(api: Api, body: Record<string, unknown>): Promise<Created> {
  return api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    ...body,
  });
}

const calendarPath = (api: Api, view: string, day: Day) =>
  `/w/${api.slug}/calendar?view=${view}&day=${day}`;

/** The entry of a content on a channel (or without one) in the calendar. */
const entry = (page: Page, id: string, channel = '') => page.getByTestId(`entry-${id}/${channel}`);
const day = (page: Page, d: Day) => page.getByTestId(`day-${d}`);

test.describe('on a desktop', () => {
  test('Chloé plans a month: creates on days, drags, moves by keyboard, marks published', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const channels = await channelIds(api);
    const month = nextMonth();
    const post = await content(api, {
      title: 'Frost checklist post',
      channels: [channels.LinkedIn, channels.X],
      publish_at: at930(month.on(5)),
    });
    const blog = await content(api, {
      title: 'Winter tank safety',
      channels: [channels.Blog],
      publish_at: at930(month.on(6)),
    });
    const newsletter = await content(api, {
      title: 'January newsletter',
      publish_at: at930(month.on(7)),
    });
    const undated = await content(api, { title: 'Installer interview' });
    await logIn(page, chloe);

    // The calendar is beside the board; the month shows each content on its day, in each of its
    // channels, with its status.
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Calendar' })
      .click();
    await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
    await page.goto(calendarPath(api, 'month', month.first));
    const grid = page.getByRole('grid');
    await expect(grid).toBeVisible();
    await expect(day(page, month.on(5)).getByText(post.title)).toHaveCount(2);
    await expect(entry(page, post.id, channels.LinkedIn)).toContainText('LinkedIn');
    await expect(entry(page, post.id, channels.X)).toContainText('X');
    await expect(entry(page, blog.id, channels.Blog)).toBeVisible();
    await expect(entry(page, newsletter.id)).toContainText('No channel');
    // Weeks start on the locale's day: Sunday in en-US.
    await expect(grid.getByRole('columnheader').first()).toHaveText('Sun');
    await passesAxe(page, 'the calendar');

    // Create a content on a day: the usual form, with the day's date.
    await day(page, month.on(12))
      .getByRole('button', { name: `New content on ${longDay(month.on(12))}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'New content' });
    await expect(dialog).toContainText(longDay(month.on(12)));
    await dialog.getByLabel('Title', { exact: true }).fill('Heat pump FAQ');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Heat pump FAQ');
    const faqId = page.url().split('/').pop()!;
    await page.goto(calendarPath(api, 'month', month.first));
    await expect(day(page, month.on(12)).getByText('Heat pump FAQ')).toBeVisible();

    // Two drags with the mouse: the blog article moves to the 8th, the newsletter to the 14th;
    // each keeps its time of day.
    await entry(page, blog.id, channels.Blog).dragTo(day(page, month.on(8)));
    await expect(page.getByText(`“${blog.title}” moved to ${longDay(month.on(8))}.`)).toBeVisible();
    await expect(day(page, month.on(8)).getByText(blog.title)).toBeVisible();
    await entry(page, newsletter.id).dragTo(day(page, month.on(14)));
    await expect(day(page, month.on(14)).getByText(newsletter.title)).toBeVisible();
    expect((await api.get<Created>(`/api/v1/contents/${blog.id}`)).publish_at).toBe(
      at930(month.on(8)),
    );
    expect((await api.get<Created>(`/api/v1/contents/${newsletter.id}`)).publish_at).toBe(
      at930(month.on(14)),
    );

    // The keyboard alone: M picks the post up, the arrows choose two days later, Enter drops
    // it. Both its channels follow the content's date, so both move; it is said aloud.
    const postLink = entry(page, post.id, channels.LinkedIn).getByRole('link');
    await postLink.focus();
    await page.keyboard.press('m');
    await expect(page.getByRole('status').filter({ hasText: 'Picked up' })).toContainText(
      post.title,
    );
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(day(page, month.on(7))).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`“${post.title}” moved to ${longDay(month.on(7))}.`)).toBeVisible();
    await expect(day(page, month.on(7)).getByText(post.title)).toHaveCount(2);
    expect((await api.get<Created>(`/api/v1/contents/${post.id}`)).publish_at).toBe(
      at930(month.on(7)),
    );

    // The arrow keys move between days, Enter opens one.
    await day(page, month.on(7)).focus();
    await page.keyboard.press('ArrowDown');
    await expect(day(page, month.on(14))).toBeFocused();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog', { name: longDay(month.on(14)) });
    await expect(opened.getByRole('link', { name: new RegExp(newsletter.title) })).toBeVisible();
    await opened.getByRole('button', { name: 'Close' }).click();

    // The tray holds the content without a date; dropped on a day, it is planned there at 09:00.
    const tray = page.getByRole('complementary', { name: 'Unscheduled' });
    await expect(tray.getByRole('link', { name: undated.title })).toBeVisible();
    await page.getByTestId(`tray-${undated.id}`).dragTo(day(page, month.on(13)));
    await expect(day(page, month.on(13)).getByText(undated.title)).toBeVisible();
    await expect(tray.getByRole('link', { name: undated.title })).toHaveCount(0);
    const planned = await api.get<Created>(`/api/v1/contents/${undated.id}`);
    expect(planned.publish_at).toBe(
      new Date(instantOf(month.on(13), 9, 0, timeZone)).toISOString(),
    );

    // The post went out on LinkedIn: marked published there, with its address, on its page.
    await postLink.click();
    const publishing = page.getByRole('region', { name: 'Publishing' });
    await expect(publishing).toContainText('State: Planned');
    await publishing.getByRole('button', { name: 'Mark LinkedIn as published' }).click();
    const form = publishing.getByRole('form', { name: 'Mark LinkedIn as published' });
    await form
      .getByLabel('Address where it appeared')
      .fill('https://www.linkedin.com/feed/update/urn:li:activity:1');
    await form.getByRole('button', { name: 'Mark as published' }).click();
    const linkedIn = publishing.getByTestId(`publication-${channels.LinkedIn}`);
    await expect(linkedIn).toContainText(`by ${chloe.name}`);
    await expect(linkedIn.getByRole('link', { name: 'See it where it appeared' })).toHaveAttribute(
      'href',
      'https://www.linkedin.com/feed/update/urn:li:activity:1',
    );
    // X is still to go: the content is not published yet.
    await expect(publishing).toContainText('State: Planned');
    await page.goto(calendarPath(api, 'week', month.on(7)));
    await expect(entry(page, post.id, channels.LinkedIn)).toContainText('Published');
    await expect(entry(page, post.id, channels.X)).not.toContainText('Published');
    expect(faqId).not.toBe('');
  });

  test('a drag on a stale calendar is explained, and sent again on the latest version', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const month = nextMonth();
    const article = await content(api, {
      title: 'Spring maintenance offer',
      publish_at: at930(month.on(10)),
    });
    await logIn(page, chloe);
    await page.goto(calendarPath(api, 'month', month.first));
    await expect(entry(page, article.id)).toBeVisible();

    // Meanwhile a colleague moves it to the 11th; this calendar still shows the 10th.
    await api.send('PATCH', `/api/v1/contents/${article.id}`, {
      base_version: article.version,
      publish_at: at930(month.on(11)),
    });
    await entry(page, article.id).dragTo(day(page, month.on(15)));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      `“${article.title}” was changed by someone else since the calendar was loaded`,
    );
    await expect(alert).toContainText(`Its date is now ${longDay(month.on(11))}.`);
    // Nothing was lost: the move is offered again, on the version the content has now.
    await expect(day(page, month.on(11)).getByText(article.title)).toBeVisible();
    await alert.getByRole('button', { name: `Move it to ${longDay(month.on(15))}` }).click();
    await expect(day(page, month.on(15)).getByText(article.title)).toBeVisible();
    expect((await api.get<Created>(`/api/v1/contents/${article.id}`)).publish_at).toBe(
      at930(month.on(15)),
    );
  });

  test('a channel keeps a date of its own, late entries say so, and a mark is undone', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const channels = await channelIds(api);
    const month = nextMonth();
    const post = await content(api, {
      title: 'Boiler service reminder',
      channels: [channels.LinkedIn, channels.Facebook],
      publish_at: at930(month.on(10)),
    });
    const overdue = await content(api, {
      title: 'Late autumn offer',
      channels: [channels.Blog],
      publish_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    await logIn(page, chloe);

    // Facebook goes out two days after LinkedIn: its own date, set on the content's page.
    await page.goto(`/w/${api.slug}/contents/${post.id}`);
    const publishing = page.getByRole('region', { name: 'Publishing' });
    const facebook = publishing.getByTestId(`publication-${channels.Facebook}`);
    await expect(facebook).toContainText('Follows the content’s date');
    await facebook.getByLabel('Date for Facebook').fill(`${month.on(12)}T14:00`);
    await facebook.getByRole('button', { name: 'Set date' }).click();
    await expect(facebook).toContainText('Own date');

    // On the calendar, dragging Facebook moves Facebook only, at its own time of day.
    await page.goto(calendarPath(api, 'month', month.first));
    await expect(entry(page, post.id, channels.Facebook)).toBeVisible();
    await expect(day(page, month.on(12)).getByText(post.title)).toHaveCount(1);
    await entry(page, post.id, channels.Facebook).dragTo(day(page, month.on(13)));
    await expect(day(page, month.on(13)).getByText(post.title)).toBeVisible();
    await expect(day(page, month.on(10)).getByText(post.title)).toHaveCount(1);
    const moved = await api.get<{
      publish_at: string;
      publications: { channel: string; planned_at: string | null }[];
    }>(`/api/v1/contents/${post.id}`);
    expect(moved.publish_at).toBe(at930(month.on(10)));
    expect(moved.publications.find((p) => p.channel === channels.Facebook)!.planned_at).toBe(
      new Date(instantOf(month.on(13), 14, 0, timeZone)).toISOString(),
    );

    // A content whose date has passed is marked late, in words; the filter finds it.
    await page.goto(`/w/${api.slug}/calendar?view=agenda&publication=late`);
    const late = entry(page, overdue.id, channels.Blog);
    await expect(late).toContainText('Late');
    await expect(page.getByText(post.title)).toHaveCount(0);

    // Marked published by mistake, then undone.
    await page.goto(`/w/${api.slug}/contents/${overdue.id}`);
    const blog = page
      .getByRole('region', { name: 'Publishing' })
      .getByTestId(`publication-${channels.Blog}`);
    await blog.getByRole('button', { name: 'Mark Blog as published' }).click();
    await blog.getByRole('button', { name: 'Mark as published' }).click();
    await expect(blog).toContainText(`by ${chloe.name}`);
    await expect(page.getByRole('region', { name: 'Publishing' })).toContainText(
      'State: Published',
    );
    await blog.getByRole('button', { name: 'Undo the publication of Blog' }).click();
    await expect(blog.getByRole('button', { name: 'Mark Blog as published' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Publishing' })).toContainText('State: Late');
  });

  test('a guest’s calendar shows only what is shared with them', async ({ page, request }) => {
    const api = await setUp(request);
    const month = nextMonth();
    const shared = await content(api, {
      title: 'Installer newsletter',
      publish_at: at930(month.on(9)),
    });
    await content(api, { title: 'Secret launch plan', publish_at: at930(month.on(9)) });
    const antoine = {
      name: 'Antoine Roux',
      email: 'antoine@agence.example',
      password: 'des briefs et du café',
    };
    const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/members`,
      { email: antoine.email, role: 'guest' },
    );
    await page.goto(new URL(invitation.accept_url).pathname);
    await page.getByLabel('Your name').fill(antoine.name);
    await page.getByLabel('Password').fill(antoine.password);
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByRole('navigation', { name: 'Workspace' })).toBeVisible();
    const members = await api.get<{ items: { user_id: string; email: string }[] }>(
      `/api/v1/workspaces/${api.slug}/members`,
    );
    await api.send('POST', `/api/v1/contents/${shared.id}/shares`, {
      user_id: members.items.find((m) => m.email === antoine.email)!.user_id,
      level: 'read',
    });

    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Calendar' })
      .click();
    await page.goto(calendarPath(api, 'month', month.first));
    await expect(day(page, month.on(9)).getByText(shared.title)).toBeVisible();
    await expect(page.getByText('Secret launch plan')).toHaveCount(0);
    // Nothing to plan for a guest: no tray, no moving.
    await expect(page.getByRole('complementary', { name: 'Unscheduled' })).toHaveCount(0);
    await expect(entry(page, shared.id)).not.toHaveAttribute('draggable', 'true');
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: phone, hasTouch: true, isMobile: true });

  test('the calendar opens as an agenda, and a date is changed with a thumb', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const month = nextMonth();
    const article = await content(api, {
      title: 'Winter tank safety',
      publish_at: at930(month.on(4)),
    });
    // On a phone the navigation is behind the menu button.
    await page.goto('/login');
    await page.getByLabel('Email').fill(chloe.email);
    await page.getByLabel('Password').fill(chloe.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    await page.goto(`/w/${api.slug}/calendar?day=${month.first}`);
    const dayHeading = page.getByRole('heading', { name: longDay(month.on(4)) });
    await expect(dayHeading).toBeVisible();
    await expect(page.getByRole('button', { name: 'Agenda', pressed: true })).toBeVisible();
    await fitsTheWindow(page, 'the agenda');
    await allTouchSized(page.locator('.calendar-page .cal-toolbar'), 'the calendar’s toolbar');
    await passesAxe(page, 'the agenda');

    await page.getByRole('button', { name: `Change the date of “${article.title}”` }).tap();
    await page.getByLabel('New day').fill(month.on(6));
    await page.getByRole('button', { name: 'Move', exact: true }).tap();
    await expect(page.getByRole('heading', { name: longDay(month.on(6)) })).toBeVisible();
    expect((await api.get<Created>(`/api/v1/contents/${article.id}`)).publish_at).toBe(
      at930(month.on(6)),
    );

    // The month fits a phone too.
    await page.getByRole('button', { name: 'Month', exact: true }).tap();
    await expect(page.getByRole('grid')).toBeVisible();
    await fitsTheWindow(page, 'the month on a phone');
  });
});
