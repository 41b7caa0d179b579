import type { Browser, Locator, Page } from '@playwright/test';
import { crc32, deflateSync } from 'node:zlib';
import { fitsTheWindow, passesAxe, phone, tablet } from './checks';
import { expect, test } from './fixtures';
import { chloe, claireJoinsLegal, logIn, setUp, type Api } from './people';

// Issue 17, end to end: files beside the text. Antoine (the agency, a guest) uploads the visual
// of the post shared with him, Claire (Legal) approves the text with it, and a new version of the
// visual makes her approval stale. Then the media library on a phone, an image pasted into the
// text with its text alternative, and the files a review link shows.

interface Created {
  id: string;
  version: number;
  revision: number;
}

const antoine = {
  name: 'Antoine Roux',
  email: 'antoine@agence.example',
  password: 'des briefs et du café',
};

/** A real PNG of one colour (the server decides the type from the bytes, not from the name). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3)]);
  for (let x = 0; x < width; x += 1) row.set([r, g, b], 1 + x * 3);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a blue square, its cross-reference table at the right offsets. */
function pdf(): Buffer {
  const stream = '0 0 1 rg 20 20 160 160 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const redVisual = {
  name: 'visual.png',
  mimeType: 'image/png',
  buffer: png(120, 63, [200, 40, 40]),
};
const blueVisual = {
  name: 'visual.png',
  mimeType: 'image/png',
  buffer: png(120, 63, [30, 90, 200]),
};

const filesPanel = (page: Page) => page.getByRole('region', { name: 'Files' });
const approvals = (page: Page) => page.getByRole('region', { name: 'Approvals' });
const legalApproval = (page: Page) =>
  approvals(page).getByRole('listitem').filter({ hasText: 'Legal' });

/** Clicks what opens the system's file chooser, and answers it with `files`. */
async function choose(page: Page, opener: Locator, files: Parameters<Locator['setInputFiles']>[0]) {
  const chooser = page.waitForEvent('filechooser');
  await opener.click();
  await (await chooser).setFiles(files);
}

/** Every image in `scope` has arrived and been decoded (a rendition the server made). */
async function imagesLoaded(scope: Locator) {
  await expect
    .poll(() =>
      scope
        .locator('img')
        .evaluateAll((images) =>
          images.every(
            (img) =>
              (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
          ),
        ),
    )
    .toBe(true);
}

async function userId(api: Api, email: string): Promise<string> {
  const members = await api.get<{ items: { user_id: string; email: string }[] }>(
    `/api/v1/workspaces/${api.slug}/members`,
  );
  return members.items.find((m) => m.email === email)!.user_id;
}

/** Antoine joins as a guest from his invitation, in a browser of his own. */
async function antoineJoins(browser: Browser, baseURL: string, api: Api) {
  const { invitation } = await api.send<{ invitation: { accept_url: string } }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/members`,
    { email: antoine.email, role: 'guest' },
  );
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(new URL(invitation.accept_url).pathname);
  await page.getByLabel('Your name').fill(antoine.name);
  await page.getByLabel('Password').fill(antoine.password);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('region', { name: 'Shared with you' })).toBeVisible();
  return { context, page };
}

test('an agency guest uploads the visual of the shared post, legal approves, a new version makes the approval stale', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const workflow = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  const post = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'social_post',
    title: 'Three winter tips',
  });
  const path = `/w/${api.slug}/contents/${post.id}`;
  const { context: claireContext, page: claire } = await claireJoinsLegal(browser, baseURL!, api);
  const { context: antoineContext, page: agency } = await antoineJoins(browser, baseURL!, api);
  await api.send('POST', `/api/v1/contents/${post.id}/shares`, {
    user_id: await userId(api, antoine.email),
    level: 'edit',
  });

  // Antoine drops the visual on the post: its progress, then the file with its facts.
  await agency.goto(path);
  const files = filesPanel(agency);
  await expect(files).toContainText('No files yet.');
  await choose(agency, files.getByRole('button', { name: 'Add files' }), redVisual);
  const visual = files.getByTestId('attachment-visual.png');
  await expect(visual).toContainText('Image');
  await expect(visual).toContainText('120 × 63 px');
  await expect(visual).toContainText('version 1');
  await imagesLoaded(visual);
  // No upload is left on its way.
  await expect(files.getByRole('list', { name: 'Uploads' })).toHaveCount(0);
  await passesAxe(agency, 'the content page with its files');

  // The post goes to Legal validation; Claire reads it with its visual, and approves.
  await api.send('POST', `/api/v1/contents/${post.id}/status`, {
    status: workflow.statuses.find((s) => s.name === 'Legal validation')!.id,
  });
  await claire.goto(path);
  await expect(filesPanel(claire).getByTestId('attachment-visual.png')).toContainText('version 1');
  // A reviewer reads the files; changing them is the writers' part.
  await expect(filesPanel(claire).getByRole('button', { name: 'Add files' })).toHaveCount(0);
  await filesPanel(claire).getByRole('button', { name: 'Preview' }).click();
  const preview = claire.getByRole('dialog', { name: 'visual.png' });
  await imagesLoaded(preview);
  await preview.getByRole('button', { name: 'Close' }).click();
  await approvals(claire).getByRole('button', { name: 'Approve' }).click();
  await expect(legalApproval(claire)).toContainText(/Approved on revision \d+ by Claire Dubois/);

  // The agency sends a new version of the visual.
  await agency.reload();
  await choose(
    agency,
    files.getByRole('button', { name: 'Upload a new version of visual.png' }),
    blueVisual,
  );
  await expect(visual).toContainText('version 2');

  // Claire's approval is stale: the visual that goes out is not the one she validated.
  await claire.reload();
  await expect(legalApproval(claire)).toContainText('Stale');
  const versionsButton = filesPanel(claire).getByRole('button', {
    name: 'Versions of visual.png (2 versions)',
  });
  await versionsButton.click();
  const versions = claire.getByRole('dialog', { name: 'Versions of visual.png' });
  await expect(versions.getByTestId('version-2')).toContainText('current');
  await expect(versions.getByTestId('version-2')).toContainText(antoine.name);
  await expect(versions.getByTestId('version-1')).toBeVisible();
  // The two versions side by side.
  const compare = versions.getByRole('region', { name: 'Versions side by side' });
  await expect(compare.getByRole('img', { name: 'visual.png, version 1' })).toBeVisible();
  await expect(compare.getByRole('img', { name: 'visual.png, version 2' })).toBeVisible();
  await imagesLoaded(compare);
  await passesAxe(claire, 'the versions of a file');
  await versions.getByRole('button', { name: 'Close' }).click();

  // The history has the revisions the files made; the board and the list show the paperclip.
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/board`);
  await expect(page.getByTestId(`card-${post.id}`).getByTestId('attachment-count')).toContainText(
    '1',
  );
  await page.goto(`/w/${api.slug}/contents`);
  await expect(
    page.getByRole('row', { name: /Three winter tips/ }).getByTestId('attachment-count'),
  ).toContainText('1 file');

  // The history says what changed in the files from one revision to the next.
  await page.goto(`${path}/history`);
  await expect(page.getByRole('region', { name: /^Changes from revision/ })).toContainText(
    'visual.png: version 1 replaced by version 2',
  );

  // The activity says who attached the visual and who sent its new version.
  await page.goto(`${path}/activity`);
  const lines = page.getByRole('region', { name: 'Activity' }).getByRole('listitem');
  await expect(lines.filter({ hasText: 'Antoine Roux attached visual.png' })).toHaveCount(1);
  await expect(
    lines.filter({ hasText: 'Antoine Roux uploaded version 2 of visual.png' }),
  ).toHaveCount(1);

  await claireContext.close();
  await antoineContext.close();
});

test('an image pasted into the text is uploaded as a file after its text alternative is asked for', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  const body = page.getByRole('textbox', { name: 'Body' });
  await body.click();

  // Pasted, as a screenshot tool puts it on the clipboard.
  await body.evaluate(
    (editor, bytes) => {
      const transfer = new DataTransfer();
      const file = new File([new Uint8Array(bytes)], 'screenshot.png', { type: 'image/png' });
      transfer.items.add(file);
      editor.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    },
    [...redVisual.buffer],
  );
  const dialog = page.getByRole('dialog', { name: 'Insert an image' });
  await expect(dialog.getByLabel('Text alternative')).toBeFocused();
  await dialog.getByLabel('Text alternative').fill('A frosted fuel tank');
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(body.getByRole('img', { name: 'A frosted fuel tank' })).toBeVisible();
  await imagesLoaded(body);

  // The image is a file of the content, and the text points at it.
  const file = filesPanel(page).getByTestId('attachment-screenshot.png');
  await expect(file).toContainText('Text alternative: A frosted fuel tank');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await expect
    .poll(async () => {
      const saved = await api.get<{ fields: { body?: string } }>(`/api/v1/contents/${article.id}`);
      return saved.fields.body ?? '';
    })
    .toMatch(/!\[A frosted fuel tank\]\(\/api\/v1\/media\/[^/)]+\/file\)/);

  // Dropped into the text from the desktop.
  const dropped = await page.evaluateHandle(
    (png) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(png)], 'frost.png', { type: 'image/png' }));
      return transfer;
    },
    [...blueVisual.buffer],
  );
  const box = (await body.boundingBox())!;
  await body.dispatchEvent('drop', {
    dataTransfer: dropped,
    clientX: box.x + box.width / 2,
    clientY: box.y + box.height - 8,
  });
  await dialog.getByLabel('Text alternative').fill('Frost on the gauge');
  await dialog.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(body.getByRole('img', { name: 'Frost on the gauge' })).toBeVisible();
  await expect(filesPanel(page).getByTestId('attachment-frost.png')).toBeVisible();

  // Picked from the toolbar too.
  await page.getByRole('button', { name: 'Image', exact: true }).click();
  const prompt = page.getByRole('dialog', { name: 'Insert an image' });
  await choose(page, prompt.getByRole('button', { name: 'Upload an image from this device' }), {
    ...blueVisual,
    name: 'tank.png',
  });
  await page
    .getByRole('dialog', { name: 'Insert an image' })
    .getByLabel('Text alternative')
    .fill('The tank in spring');
  await page.getByRole('button', { name: 'Upload and insert' }).click();
  await expect(body.getByRole('img', { name: 'The tank in spring' })).toBeVisible();
  await expect(filesPanel(page).getByTestId('attachment-tank.png')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  // Her own files are no one else's edit: nothing was "combined" with her text.
  await expect(page.getByText('Someone else edited this content at the same time')).toHaveCount(0);
});

test('files dropped on the panel go up side by side, each with its progress; one is cancelled', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Winter tank safety',
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  // A slow uplink (about 1 MB/s), so that the progress can be seen on its way.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 1_000_000,
  });
  const notes = (name: string) => ({
    name,
    type: 'text/plain',
    text: 'Winter checks for every tank.\n'.repeat(100_000),
  });
  const files = filesPanel(page);
  // Dropped from the desktop: two notes and the visual.
  const dropped = await page.evaluateHandle(
    ({ items, png }) => {
      const transfer = new DataTransfer();
      for (const item of items)
        transfer.items.add(new File([item.text], item.name, { type: item.type }));
      transfer.items.add(new File([new Uint8Array(png)], 'visual.png', { type: 'image/png' }));
      return transfer;
    },
    { items: [notes('notes-1.txt'), notes('notes-2.txt')], png: [...redVisual.buffer] },
  );
  const zone = files.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: dropped });
  await expect(zone).toContainText('Drop to upload');
  await zone.dispatchEvent('drop', { dataTransfer: dropped });

  // Two go up at once, each with its own bar; the third waits its turn.
  const uploads = files.getByRole('list', { name: 'Uploads' });
  const first = uploads.getByRole('progressbar', { name: 'Uploading notes-1.txt' });
  await expect(first).toBeVisible();
  await expect(uploads.getByRole('progressbar', { name: 'Uploading notes-2.txt' })).toBeVisible();
  await expect(uploads.getByRole('listitem').filter({ hasText: 'visual.png' })).toContainText(
    'Waiting',
  );
  await expect.poll(async () => Number(await first.getAttribute('value'))).toBeGreaterThan(0);
  await uploads.getByRole('button', { name: 'Cancel the upload of notes-2.txt' }).click();
  await expect(uploads.getByRole('listitem').filter({ hasText: 'notes-2.txt' })).toContainText(
    'Cancelled',
  );

  // The others arrive; the cancelled one left nothing behind.
  await expect(files.getByTestId('attachment-notes-1.txt')).toContainText('Text', {
    timeout: 30_000,
  });
  await expect(files.getByTestId('attachment-visual.png')).toBeVisible({ timeout: 30_000 });
  await expect(files.getByTestId('attachment-notes-2.txt')).toHaveCount(0);
  await uploads.getByRole('button', { name: 'Dismiss notes-2.txt' }).click();
  await expect(files.getByRole('list', { name: 'Uploads' })).toHaveCount(0);
  const { items } = await api.get<{ items: unknown[] }>(
    `/api/v1/contents/${article.id}/attachments`,
  );
  expect(items).toHaveLength(2);
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('the media library: upload, search, filter, list, then reuse a file in a content', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
      type: 'article',
      title: 'Winter tank safety',
    });
    // On a phone the navigation is behind the menu button.
    await page.goto('/login');
    await page.getByLabel('Email').fill(chloe.email);
    await page.getByLabel('Password').fill(chloe.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('button', { name: 'Menu' }).click();
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Media library' })
      .click();
    await expect(page.getByRole('heading', { name: 'Media library' })).toBeVisible();
    await expect(page.getByText('The library is empty.')).toBeVisible();

    await choose(page, page.getByRole('button', { name: 'Add files to the library' }), [
      { name: 'proof.pdf', mimeType: 'application/pdf', buffer: pdf() },
      redVisual,
    ]);
    const grid = page.getByRole('list', { name: 'Files of the library' });
    await expect(grid.getByTestId('media-proof.pdf')).toContainText('PDF');
    await expect(grid.getByTestId('media-visual.png')).toContainText('Used nowhere');
    await imagesLoaded(grid);
    await fitsTheWindow(page, 'the media library on a phone');
    await passesAxe(page, 'the media library on a phone');

    // Tag the visual; the tag and the kind filter, and the words, narrow the list.
    await grid
      .getByTestId('media-visual.png')
      .getByRole('button', { name: 'Edit visual.png' })
      .click();
    const edit = page.getByRole('dialog', { name: 'Edit visual.png' });
    await edit.getByLabel('Tags').fill('winter, social');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(grid.getByTestId('media-visual.png')).toContainText('#winter');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'PDF' });
    await expect(grid.getByTestId('media-visual.png')).toHaveCount(0);
    await expect(grid.getByTestId('media-proof.pdf')).toBeVisible();
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'All types' });
    await grid.getByRole('button', { name: 'Show the files tagged winter' }).click();
    await expect(page).toHaveURL(/tag=winter/);
    await expect(grid.getByTestId('media-proof.pdf')).toHaveCount(0);
    await page.getByLabel('Tag', { exact: true }).fill('');
    await page.getByLabel('Search by name').fill('proof');
    await expect(page).toHaveURL(/q=proof/);
    await expect(grid.getByTestId('media-visual.png')).toHaveCount(0);
    await page.getByLabel('Search by name').fill('');
    await page.getByRole('button', { name: 'List' }).click();
    await expect(page.getByRole('table')).toContainText('visual.png');
    await fitsTheWindow(page, 'the media library as a list on a phone');

    // The visual is replaced everywhere by a new version.
    await page.getByRole('button', { name: 'Grid' }).click();
    await grid
      .getByTestId('media-visual.png')
      .getByRole('button', { name: 'Replace visual.png everywhere' })
      .click();
    const replace = page.getByRole('dialog', { name: 'Replace visual.png everywhere' });
    await expect(replace).toContainText('the earlier versions are kept');
    await choose(page, replace.getByRole('button', { name: 'Choose the new version' }), blueVisual);
    await expect(replace).toHaveCount(0);
    await expect(grid.getByTestId('media-visual.png')).toContainText('2 versions');

    // The content's files are one tap away in the panel bar; the proof is attached from there.
    await page.goto(`/w/${api.slug}/contents/${article.id}`);
    await page.getByRole('button', { name: 'Files', exact: true }).click();
    const files = filesPanel(page);
    await files.getByRole('button', { name: 'Attach a file from the media library' }).click();
    const picker = page.getByRole('dialog', { name: 'Attach a file from the library' });
    await picker.getByRole('button', { name: /proof\.pdf/ }).click();
    await picker.getByRole('button', { name: 'Attach' }).click();
    await expect(files.getByTestId('attachment-proof.pdf')).toContainText('version 1');
    await fitsTheWindow(page, 'the files sheet on a phone');
    await passesAxe(page, 'the files sheet on a phone');
    await expect(page.getByRole('button', { name: 'Files (1)' })).toBeVisible();

    // The PDF's first page shows in the page, the whole file in the browser's own viewer.
    await files.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('dialog', { name: 'proof.pdf' });
    await expect(preview.getByRole('img', { name: 'First page of proof.pdf' })).toBeVisible();
    await imagesLoaded(preview);
    const viewer = page.waitForEvent('popup');
    await preview.getByRole('link', { name: "Open in the browser's PDF viewer" }).click();
    expect((await viewer).url()).toMatch(/^blob:/);
    await (await viewer).close();
    await preview.getByRole('button', { name: 'Close' }).click();

    // The library says where the proof is used.
    await page.goto(`/w/${api.slug}/media`);
    await expect(grid.getByTestId('media-proof.pdf')).toContainText('Used in Winter tank safety');

    // On a tablet in portrait, the list fits too (its table scrolls inside the page if need be).
    await page.setViewportSize(tablet);
    await page.goto(`/w/${api.slug}/media?view=list`);
    await expect(page.getByRole('table')).toContainText('Winter tank safety');
    await fitsTheWindow(page, 'the media library as a list on a tablet');
    await passesAxe(page, 'the media library as a list on a tablet');
  });
});

test('a review link shows the content with its files', async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  const api = await setUp(request);
  const article = await api.send<Created>('POST', `/api/v1/workspaces/${api.slug}/contents`, {
    type: 'article',
    title: 'Regional newsletter: winter',
  });
  await logIn(page, chloe);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  await choose(page, filesPanel(page).getByRole('button', { name: 'Add files' }), redVisual);
  await expect(filesPanel(page).getByTestId('attachment-visual.png')).toBeVisible();
  // The visual is in the text too, as the editor inserts an uploaded image.
  const { items } = await api.get<{ items: { media: { id: string } }[] }>(
    `/api/v1/contents/${article.id}/attachments`,
  );
  const current = await api.get<{ version: number }>(`/api/v1/contents/${article.id}`);
  await api.send('PATCH', `/api/v1/contents/${article.id}`, {
    base_version: current.version,
    fields: {
      body: `Our winter visual:\n\n![The red visual](/api/v1/media/${items[0]!.media.id}/file)`,
    },
  });
  const link = await api.send<{ url: string }>('POST', `/api/v1/contents/${article.id}/links`, {
    level: 'validate',
    label: 'Marc',
  });

  const marcContext = await browser.newContext({ baseURL: baseURL! });
  const marc = await marcContext.newPage();
  await marc.goto(new URL(link.url).pathname);
  await marc.getByLabel('Your name').fill('Marc Lefèvre');
  await marc.getByLabel('Your e-mail').fill('marc@example.com');
  await marc.getByRole('button', { name: 'Open' }).click();
  const shown = marc.getByTestId('review-files');
  await expect(shown.getByTestId('attachment-visual.png')).toContainText('version 1');
  await imagesLoaded(shown);
  await shown.getByRole('button', { name: 'Preview' }).click();
  await imagesLoaded(marc.getByRole('dialog', { name: 'visual.png' }));
  await marc
    .getByRole('dialog', { name: 'visual.png' })
    .getByRole('button', { name: 'Close' })
    .click();
  // The image in the text reaches the visitor through the link's own route.
  const inText = marc.getByRole('img', { name: 'The red visual' });
  await expect(inText).toHaveAttribute('src', /^\/api\/v1\/review\/[^/]+\/media\/[^/]+\/file$/);
  await imagesLoaded(marc.locator('.review-field'));
  await marcContext.close();
});
