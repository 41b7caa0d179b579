import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A newcomer's first hour, without documentation: setup → the getting-started guide → invite a
// colleague and put her in Legal → the first content → sent to Legal validation and approved;
// then a guest invited from the Share dialog (which an editor is not offered), a revoked
// invitation, and a password link.

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

const guide = (page: Page) => page.getByRole('region', { name: 'Getting started' });
const step = (page: Page, name: string) =>
  guide(page).getByRole('listitem').filter({ hasText: name });

test('the first hour: setup, the guide ticks itself, invite, first content, validation', async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto('/');
  await page.getByLabel('Your name').fill(chloe.name);
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByLabel('Workspace name').fill('Acme Énergie');
  await page.getByRole('button', { name: 'Create the workspace' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${chloe.name}` })).toBeVisible();

  // The guide: three steps, none done.
  await expect(guide(page)).toContainText('0 of 3 done');
  await expect(step(page, 'Invite people')).toContainText('(to do)');

  // Step 1: invite Claire from the guide's link.
  await guide(page).getByRole('link', { name: 'Invite people →' }).click();
  await page.getByLabel('Email').fill(claire.email);
  await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  const invited = page.getByRole('dialog', { name: 'Invite someone' });
  const acceptUrl = await invited.getByLabel('Invitation link').inputValue();
  await page.keyboard.press('Escape');

  // Claire's invitation says where and from whom.
  const context = await browser.newContext({ baseURL });
  const clairePage = await context.newPage();
  await clairePage.goto(new URL(acceptUrl).pathname);
  await expect(
    clairePage.getByText(`${chloe.name} invites you to join Acme Énergie as Reviewer.`),
  ).toBeVisible();
  await clairePage.getByLabel('Your name').fill(claire.name);
  await clairePage.getByLabel('Password').fill(claire.password);
  await clairePage.getByRole('button', { name: 'Join' }).click();
  await expect(clairePage.getByRole('heading', { name: `Welcome, ${claire.name}` })).toBeVisible();
  // A reviewer gets no guide: it is the admins'.
  await expect(guide(clairePage)).toHaveCount(0);

  // Chloé puts Claire in the Legal team, which the workflow's validation step asks.
  await page.getByRole('link', { name: 'Teams' }).click();
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Legal' })
    .getByRole('button', { name: 'Edit' })
    .click();
  const team = page.getByRole('dialog', { name: 'Edit team' });
  await team.getByRole('checkbox', { name: claire.name }).check();
  await team.getByRole('button', { name: 'Save' }).click();
  await expect(team).toBeHidden();

  // Back home: people done, and the validation step has someone to ask.
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Home' })
    .click();
  await expect(step(page, 'Invite people')).toContainText('(done)');
  await expect(step(page, 'validation steps')).toContainText('(done)');
  await expect(guide(page)).toContainText('2 of 3 done');

  // Step 3: the first content.
  await guide(page).getByRole('link', { name: 'Go to the contents →' }).click();
  await page.getByRole('button', { name: 'New content' }).click();
  const dialog = page.getByRole('dialog', { name: 'New content' });
  await dialog.getByRole('radio', { name: /Article/ }).check();
  await dialog.getByLabel('Title', { exact: true }).fill('Winter tank safety');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/contents\/[a-z0-9]+$/);
  const contentPath = new URL(page.url()).pathname;

  // Validation: to Legal, and Claire approves.
  const status = page.getByRole('combobox', { name: 'Status' });
  await expect(status).toHaveValue(/.+/);
  await status.selectOption({ label: 'Legal validation' });
  const approvals = (p: Page) => p.getByRole('region', { name: 'Approvals' });
  await expect(approvals(page)).toContainText('Waiting for a decision');
  await clairePage.goto(contentPath);
  await approvals(clairePage).getByRole('button', { name: 'Approve' }).click();
  await expect(approvals(clairePage)).toContainText('Validated version: revision 1');

  // Everything done: the guide is gone.
  await page
    .getByRole('navigation', { name: 'Workspace' })
    .getByRole('link', { name: 'Home' })
    .click();
  await expect(page.getByRole('heading', { name: `Welcome, ${chloe.name}` })).toBeVisible();
  await expect(guide(page)).toHaveCount(0);
  await context.close();
});

test('share with an agency e-mail, revoke an invitation, a password link, a second workspace', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  const setup = await request.post('/api/v1/setup', {
    data: { ...chloe, workspace_name: 'Acme Énergie', language: 'en' },
  });
  const { workspace, csrf_token } = (await setup.json()) as {
    workspace: { slug: string };
    csrf_token: string;
  };
  const headers = { 'X-CSRF-Token': csrf_token };
  const created = await request.post(`/api/v1/workspaces/${workspace.slug}/contents`, {
    data: { type: 'article', title: 'Salon de l’habitat' },
    headers,
  });
  const article = (await created.json()) as { id: string };
  await request.post(`/api/v1/workspaces/${workspace.slug}/members`, {
    data: { email: 'parti@example.com', role: 'editor' },
    headers,
  });

  await page.goto('/login');
  await page.getByLabel('Email').fill(chloe.email);
  await page.getByLabel('Password').fill(chloe.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  // The guide can be put away.
  await guide(page).getByRole('button', { name: 'Hide this guide' }).click();
  await expect(guide(page)).toHaveCount(0);

  // Share the article with Antoine, at the agency, who has no account yet.
  await page.goto(`/w/${workspace.slug}/contents/${article.id}`);
  await page.getByRole('button', { name: 'Share' }).first().click();
  const share = page.getByRole('dialog', { name: /Share/ });
  await share.getByLabel('Or share with an e-mail').fill('antoine@agence.example');
  await share.getByRole('button', { name: 'Share by e-mail' }).click();
  await expect(share).toContainText('antoine@agence.example is invited as a guest');
  const acceptUrl = await share.getByLabel('Invitation link').inputValue();
  await page.keyboard.press('Escape');

  // Antoine joins and finds the article, and only it.
  const context = await browser.newContext({ baseURL });
  const antoine = await context.newPage();
  await antoine.goto(new URL(acceptUrl).pathname);
  await expect(antoine.getByText(/invites you to join Acme Énergie as Guest/)).toBeVisible();
  await antoine.getByLabel('Your name').fill('Antoine Rousseau');
  await antoine.getByLabel('Password').fill('la plume est rapide');
  await antoine.getByRole('button', { name: 'Join' }).click();
  // Invited to one content: he lands on it.
  await expect(antoine).toHaveURL(new RegExp(`/contents/${article.id}$`));
  await expect(antoine.getByRole('region', { name: 'Comments' })).toBeVisible();
  await antoine.goto(`/w/${workspace.slug}`);
  await expect(antoine.getByRole('link', { name: 'Salon de l’habitat' })).toBeVisible();
  await context.close();

  // An editor shares with members, but bringing someone new in is for those who invite: the
  // Share dialog offers her no e-mail form.
  const invitedEditor = await request.post(`/api/v1/workspaces/${workspace.slug}/members`, {
    data: { email: claire.email, role: 'editor' },
    headers,
  });
  const { invitation } = (await invitedEditor.json()) as { invitation: { token: string } };
  const editorContext = await browser.newContext({ baseURL });
  const accepted = await editorContext.request.post(
    `/api/v1/invitations/${invitation.token}/accept`,
    { data: { name: claire.name, password: claire.password } },
  );
  expect(accepted.status()).toBe(201);
  const editor = await editorContext.newPage();
  await editor.goto(`/w/${workspace.slug}/contents/${article.id}`);
  await editor.getByRole('button', { name: 'Share' }).first().click();
  const editorShare = editor.getByRole('dialog', { name: /Share/ });
  await expect(editorShare.getByRole('button', { name: 'Share', exact: true })).toBeVisible();
  await expect(editorShare.getByLabel('Or share with an e-mail')).toHaveCount(0);
  await editorContext.close();

  // A pending invitation is revoked from the members screen.
  await page.goto(`/w/${workspace.slug}/settings/members`);
  const pending = page.getByRole('table', { name: 'Pending invitations' });
  await expect(pending).toContainText('parti@example.com');
  await pending.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByRole('table', { name: 'Pending invitations' })).toHaveCount(0);

  // A password link for Antoine, shown once, opens a page to choose a new password.
  await page
    .getByRole('row')
    .filter({ hasText: 'Antoine Rousseau' })
    .getByRole('button', { name: 'Password link' })
    .click();
  const linkDialog = page.getByRole('dialog', { name: 'A new password for Antoine Rousseau' });
  await linkDialog.getByRole('button', { name: 'Make the link' }).click();
  const resetUrl = await linkDialog.getByLabel('Password link').inputValue();
  expect(resetUrl).toMatch(/\/reset-password\/.+/);
  await linkDialog.getByRole('button', { name: 'Done' }).click();
  const other = await browser.newContext({ baseURL });
  const reset = await other.newPage();
  await reset.goto(new URL(resetUrl).pathname);
  await expect(reset.getByText('New password for antoine@agence.example.')).toBeVisible();
  await reset.getByLabel('New password').fill('une plume toute neuve');
  await reset.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(reset.getByRole('link', { name: 'Salon de l’habitat' })).toBeVisible();
  await other.close();

  // Without e-mail set up, "Forgot password" says to ask an admin.
  const anonymous = await browser.newContext({ baseURL });
  const forgot = await anonymous.newPage();
  await forgot.goto('/login');
  await forgot.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(forgot.getByText(/This server does not send e-mails\. Ask an admin/)).toBeVisible();
  await anonymous.close();

  // The workspace menu starts a new workspace.
  await page.getByRole('button', { name: /Switch workspace/ }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  const desk = page.getByRole('dialog', { name: 'New workspace' });
  await desk.getByLabel('Name').fill('Client Lumière');
  await desk.getByRole('button', { name: 'Create the workspace' }).click();
  await expect(page.getByRole('button', { name: /Switch workspace/ })).toContainText(
    'Client Lumière',
  );
});
