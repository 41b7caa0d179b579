import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { phone } from './checks';
import { expect, test } from './fixtures';
import { chloe, setUp, type Api } from './people';

// Documents in and out, from the browser: an agency's Word file dropped on the contents list
// becomes a content, the report says what came through; the content, validated by Legal, comes
// back out as a PDF and a Word file; its proof pack downloads, and the verify dialog says the
// proof matches what is stored.

const docx = new URL('./fixtures/offre-gaz-vert.docx', import.meta.url);
const docxName = 'offre-gaz-vert.docx';

async function chloeJoinsLegal(api: Api) {
  const me = await api.get<{ user: { id: string } }>('/api/v1/me');
  const teams = await api.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/teams`,
  );
  const legal = teams.items.find((team) => team.name === 'Legal')!.id;
  await api.send('PUT', `/api/v1/workspaces/${api.slug}/teams/${legal}/members`, [me.user.id]);
}

/** Legal validates the content's current revision (through the API: the workflow has its specs). */
async function legalValidates(api: Api, contentId: string) {
  await chloeJoinsLegal(api);
  const workflow = await api.get<{ statuses: { id: string; name: string }[] }>(
    `/api/v1/workspaces/${api.slug}/workflow`,
  );
  const legal = workflow.statuses.find((status) => status.name === 'Legal validation')!.id;
  await api.send('POST', `/api/v1/contents/${contentId}/status`, { status: legal });
  const content = await api.get<{ revision: number }>(`/api/v1/contents/${contentId}`);
  await api.send('POST', `/api/v1/contents/${contentId}/approvals`, {
    revision: content.revision,
    decision: 'approved',
    comment: 'Validé pour le juridique.',
  });
}

async function logIn(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${chloe.name}` })).toBeVisible();
}

/** A download's name and its first bytes (it must not be empty). */
async function downloaded(download: Download) {
  // Kept under its own name: the verify dialog knows a proof by its extension.
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(20);
  return { name: download.suggestedFilename(), bytes, path };
}

/** The report after an import, then the new content opened from it. */
async function importReportThenOpen(page: Page) {
  const choose = page.getByRole('dialog', { name: `Import ${docxName}` });
  await expect(choose.getByRole('radio', { name: /Article/ })).toBeChecked();
  await choose.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByRole('dialog', { name: 'What the import kept' });
  await expect(report).toContainText('“Offre Gaz Vert 2027” was created from the document.');
  await expect(report).toContainText('Read as a Word document.');
  await expect(report).toContainText('The title comes from the document’s properties.');
  await expect(report.getByTestId('import-report')).toContainText('0 images attached');
  await report.getByRole('button', { name: 'Open the content' }).click();
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(
    'Offre Gaz Vert 2027',
  );
  const body = page.getByRole('textbox', { name: 'Body' });
  await expect(body.getByRole('heading', { name: 'Ce qui change' })).toBeVisible();
  // The first paragraph is the article's lead; the rest, its body.
  await expect(page.getByRole('textbox', { name: 'Lead' })).toHaveValue(
    /^Notre offre de gaz 100\s% renouvelable arrive en janvier/,
  );
  await expect(body.getByRole('listitem')).toContainText(['Un prix fixe pendant deux ans']);
  await expect(body.getByRole('cell', { name: '0,12 €' })).toBeVisible();
  return /\/contents\/([^/?#]+)/.exec(page.url())![1]!;
}

test('a Word file dropped becomes a content; it comes back out as PDF and Word; its proof verifies', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  await logIn(page);
  await page.goto(`/w/${api.slug}/contents`);

  // Dropped from the desktop on the contents list.
  const file = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array(bytes)], name, {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      return transfer;
    },
    { bytes: [...readFileSync(docx)], name: docxName },
  );
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer: file });
  const contentId = await importReportThenOpen(page);

  // Validated by Legal: the export menu offers the validated revision.
  await legalValidates(api, contentId);
  await page.reload();
  // Opening the imported text saved nothing: what Legal validated is still the current text.
  await expect(page.getByText(/^Validated version: revision \d+$/)).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('radio', { name: /^Validated \(revision \d+\)$/ }).check();
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'PDF file' }).click(),
  ]);
  const pdfFile = await downloaded(pdf);
  expect(pdfFile.name).toMatch(/^offre-gaz-vert-2027-r\d+\.pdf$/);
  expect(pdfFile.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.getByRole('button', { name: 'Export' }).click();
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Word document (.docx)' }).click(),
  ]);
  const wordFile = await downloaded(word);
  expect(wordFile.name).toMatch(/^offre-gaz-vert-2027-r\d+\.docx$/);
  expect(wordFile.bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // The proof pack, as a PDF and as its JSON twin.
  const approvals = page.getByRole('region', { name: 'Approvals' });
  const [proofPdf] = await Promise.all([
    page.waitForEvent('download'),
    approvals.getByRole('link', { name: 'Proof pack (PDF)' }).click(),
  ]);
  const proof = await downloaded(proofPdf);
  expect(proof.name).toMatch(/\.pdf$/);
  const [proofJson] = await Promise.all([
    page.waitForEvent('download'),
    approvals.getByRole('link', { name: 'Proof pack (JSON)' }).click(),
  ]);
  const twin = JSON.parse((await downloaded(proofJson)).bytes.toString('utf8')) as {
    proof_version: number;
    revision: { hash_algorithm: string };
  };
  expect(twin.proof_version).toBe(1);
  expect(twin.revision.hash_algorithm).toBe('sha256');

  // The PDF proof, checked against what the database holds now.
  await approvals.getByRole('button', { name: 'Verify a proof' }).click();
  const verify = page.getByRole('dialog', { name: 'Verify a proof' });
  await verify.getByTestId('proof-drop-zone-input').setInputFiles(proof.path);
  await expect(verify.getByTestId('proof-result')).toContainText(
    'The proof matches what is stored for “Offre Gaz Vert 2027”.',
  );
  await expect(verify.getByRole('listitem')).toContainText([
    'Text of the validated revision (SHA-256): matches',
  ]);
});

test.describe('exports', () => {
  // A workspace without a reference document answers 404 to the settings' question about it.
  test.use({ expectedConsole: /status of 404 \(Not Found\)/ });

  test('a content written here comes out at its validated revision, at any revision, in a zip, with its proof', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    const project = await api.send<{ id: string }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/projects`,
      { name: 'Hiver 2027', description: '' },
    );
    const article = await api.send<{ id: string; version: number }>(
      'POST',
      `/api/v1/workspaces/${api.slug}/contents`,
      {
        type: 'article',
        title: 'Sécurité des citernes',
        project: project.id,
        fields: { body: 'Vérifiez votre citerne avant les premières gelées.' },
      },
    );
    await legalValidates(api, article.id);
    // The text moves on after Legal's approval: revision 2.
    const validated = await api.get<{ version: number }>(`/api/v1/contents/${article.id}`);
    await api.send('PATCH', `/api/v1/contents/${article.id}`, {
      base_version: validated.version,
      fields: { body: 'Vérifiez votre citerne et son détendeur avant les premières gelées.' },
    });
    await logIn(page);
    await page.goto(`/w/${api.slug}/contents/${article.id}`);

    // The validated revision, though the text moved on.
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('radio', { name: 'Validated (revision 1)' }).check();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF file' }).click(),
    ]);
    const pdfFile = await downloaded(pdf);
    expect(pdfFile.name).toBe('securite-des-citernes-r1.pdf');
    expect(pdfFile.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Any revision, from the history.
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('button', { name: /^Revision 1\b/ }).click();
    await page.getByRole('button', { name: 'Export revision 1' }).click();
    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Markdown text (.md)' }).click(),
    ]);
    const markdownFile = await downloaded(markdown);
    expect(markdownFile.name).toBe('securite-des-citernes-r1.md');
    expect(markdownFile.bytes.toString('utf8')).toContain('avant les premières gelées');
    expect(markdownFile.bytes.toString('utf8')).not.toContain('détendeur');

    // The proof pack's JSON twin, checked back: it still matches.
    await page.goto(`/w/${api.slug}/contents/${article.id}`);
    const approvals = page.getByRole('region', { name: 'Approvals' });
    const [proofJson] = await Promise.all([
      page.waitForEvent('download'),
      approvals.getByRole('link', { name: 'Proof pack (JSON)' }).click(),
    ]);
    const twin = await downloaded(proofJson);
    expect(twin.name).toMatch(/\.json$/);
    await approvals.getByRole('button', { name: 'Verify a proof' }).click();
    const verify = page.getByRole('dialog', { name: 'Verify a proof' });
    await verify.getByTestId('proof-drop-zone-input').setInputFiles(twin.path);
    await expect(verify.getByTestId('proof-result')).toContainText(
      'The proof matches what is stored for “Sécurité des citernes”.',
    );
    await verify.getByRole('button', { name: 'Close' }).click();

    // The project as a zip, from the settings.
    await page.goto(`/w/${api.slug}/settings/projects`);
    await page.getByRole('button', { name: 'Export Hiver 2027 as .zip' }).click();
    const zipDialog = page.getByRole('dialog', { name: 'Export “Hiver 2027” as .zip' });
    await zipDialog.getByRole('radio', { name: 'Markdown text (.md)' }).check();
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      zipDialog.getByRole('link', { name: 'Download' }).click(),
    ]);
    const zipFile = await downloaded(zip);
    expect(zipFile.name).toMatch(/\.zip$/);
    expect(zipFile.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zipFile.bytes.toString('latin1')).toContain('index.csv');

    // The reference document for Word exports: uploaded, shown, removed.
    await page.goto(`/w/${api.slug}/settings/documents`);
    await expect(
      page.getByText('No reference document: exports use the default styles.'),
    ).toBeVisible();
    await page.getByTestId('template-drop-zone-input').setInputFiles(docx.pathname);
    await expect(page.getByTestId('export-template')).toContainText(docxName);
    await page.getByRole('button', { name: 'Remove' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the reference document?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await expect(
      page.getByText('No reference document: exports use the default styles.'),
    ).toBeVisible();
  });
});

test('a document imported on a content replaces its text after a confirm; a saved view as a zip', async ({
  page,
  request,
}) => {
  const api = await setUp(request);
  const article = await api.send<{ id: string }>(
    'POST',
    `/api/v1/workspaces/${api.slug}/contents`,
    { type: 'article', title: 'Offre Gaz Vert 2027', fields: { body: 'Premier jet.' } },
  );
  const view = await api.send<{ id: string }>('POST', `/api/v1/workspaces/${api.slug}/views`, {
    name: 'Offres',
    q: 'offre',
    shared: true,
  });
  await logIn(page);
  await page.goto(`/w/${api.slug}/contents/${article.id}`);
  await page.getByRole('button', { name: 'Import a document' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the text with a document' });
  await expect(dialog).toContainText(
    'This document becomes a new revision of the text; the previous revision stays in the history.',
  );
  await expect(dialog.getByRole('button', { name: 'Import as a new revision' })).toBeDisabled();
  await dialog.getByTestId('import-revision-drop-zone-input').setInputFiles(docx.pathname);
  await expect(dialog).toContainText(`Document: ${docxName}.`);
  await dialog.getByRole('button', { name: 'Import as a new revision' }).click();
  const report = page.getByRole('dialog', { name: 'What the import kept' });
  await expect(report).toContainText(/The document is now revision \d+ of the text\./);
  await report.getByRole('button', { name: 'Close' }).last().click();
  await expect(
    page.getByRole('textbox', { name: 'Body' }).getByRole('heading', { name: 'Ce qui change' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('button', { name: /^Revision 1\b/ })).toBeVisible();

  // The saved view as a zip, from its menu in the sidebar.
  await page.getByRole('button', { name: 'Actions for the view Offres' }).click();
  await page.getByRole('button', { name: 'Export as .zip' }).click();
  const zipDialog = page.getByRole('dialog', { name: 'Export “Offres” as .zip' });
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    zipDialog.getByRole('link', { name: 'Download' }).click(),
  ]);
  const zipFile = await downloaded(zip);
  expect(zipFile.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(view.id).toBeTruthy();
});

test.describe('on a phone', () => {
  test.use({ viewport: phone });

  test('a Word file chosen with the button becomes a content, and comes back out as Word', async ({
    page,
    request,
  }) => {
    const api = await setUp(request);
    await logIn(page);
    await page.goto(`/w/${api.slug}/contents`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import a document' }).click(),
    ]);
    await chooser.setFiles(docx.pathname);
    await importReportThenOpen(page);

    await page.getByRole('button', { name: 'Export' }).click();
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Word document (.docx)' }).click(),
    ]);
    const wordFile = await downloaded(word);
    expect(wordFile.name).toMatch(/^offre-gaz-vert-2027-r1\.docx$/);
  });
});
