import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Project } from '../../api/types';
import { useMembers, useTeams } from '../../api/members';
import { useProjects, useSaveProject } from '../../api/projects';
import { useWorkspaceSettings } from '../../api/workspace';
import { Alert } from '../../components/Alert';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { genericErrorMessage } from '../../lib/errors';
import { useShell } from '../AppShell';
import { SubscribeButton } from '../feeds/SubscribeButton';
import { ShareDialog } from '../sharing/ShareDialog';
import { ZipExportButton } from '../documents/ExportMenu';

/** The workspace's name and default language. */
export function GeneralSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { membership } = useShell();
  const save = useWorkspaceSettings(slug);
  const [name, setName] = useState(membership.workspace.name);
  const [language, setLanguage] = useState<Language>(membership.workspace.language);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (name.trim() === '') return;
    try {
      await save.mutateAsync({ name: name.trim(), language });
      setDone(true);
    } catch {
      // Shown below.
    }
  };
  return (
    <form className="form settings-form" noValidate onSubmit={submit}>
      {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
      {done && <Alert tone="info">{t('settings.saved')}</Alert>}
      <Field
        label={t('settings.workspace_name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={name.trim() === '' ? t('form.required') : undefined}
      />
      <LanguageSelect
        label={t('settings.workspace_language')}
        value={language}
        onChange={setLanguage}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Projects group contents (a campaign, a launch); archived ones leave the pickers. */
export function ProjectsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const projects = useProjects(slug);
  const save = useSaveProject(slug);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [editing, setEditing] = useState<{ id: string; name: string; description: string } | null>(
    null,
  );
  // A project is shared (with people, teams and review links) with every content in it.
  const { me } = useShell();
  const [sharing, setSharing] = useState<Project | null>(null);
  const members = useMembers(slug, sharing !== null).data ?? [];
  const teams = useTeams(slug, sharing !== null).data ?? [];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return;
    try {
      await save.mutateAsync({ name: name.trim(), description: description.trim() });
      setName('');
      setDescription('');
    } catch {
      // Shown below.
    }
  };

  return (
    <div className="settings-section">
      {save.isError && <Alert>{genericErrorMessage(t, save.error)}</Alert>}
      <DataTable
        columns={[
          t('settings.project_name'),
          t('settings.project_description'),
          t('settings.status'),
        ]}
        actions
      >
        {(projects.data ?? []).map((project) =>
          editing?.id === project.id ? (
            <tr key={project.id}>
              <td>
                <input
                  aria-label={t('settings.project_name')}
                  value={editing.name}
                  onChange={(event) => setEditing({ ...editing, name: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={t('settings.project_description')}
                  value={editing.description}
                  onChange={(event) => setEditing({ ...editing, description: event.target.value })}
                />
              </td>
              <td />
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={async () => {
                    await save.mutateAsync({
                      id: editing.id,
                      name: editing.name.trim(),
                      description: editing.description.trim(),
                    });
                    setEditing(null);
                  }}
                >
                  {t('common.save')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setEditing(null)}
                >
                  {t('common.cancel')}
                </button>
              </td>
            </tr>
          ) : (
            <tr key={project.id} className={project.archived ? 'row-muted' : undefined}>
              <td>{project.name}</td>
              <td>{project.description}</td>
              <td>{project.archived ? t('settings.archived') : t('settings.active')}</td>
              <td className="row-actions">
                {!project.archived && (
                  <SubscribeButton
                    target={{ workspace: slug, kind: 'project', project: project.id }}
                  />
                )}
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() =>
                    setEditing({
                      id: project.id,
                      name: project.name,
                      description: project.description,
                    })
                  }
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => save.mutate({ id: project.id, archived: !project.archived })}
                >
                  {project.archived ? t('settings.unarchive') : t('settings.archive')}
                </button>
                <ZipExportButton slug={slug} of={{ project: project.id }} name={project.name} />
                {!project.archived && (
                  <button
                    type="button"
                    className="button button-quiet"
                    aria-label={t('share.project_named', { name: project.name })}
                    onClick={() => setSharing(project)}
                  >
                    {t('share.open')}
                  </button>
                )}
              </td>
            </tr>
          ),
        )}
      </DataTable>
      {sharing && (
        <ShareDialog
          open
          onClose={() => setSharing(null)}
          target={{ kind: 'project', id: sharing.id }}
          title={sharing.name}
          members={members}
          teams={teams}
          userId={me.user.id}
        />
      )}
      <form className="inline-form" noValidate onSubmit={create}>
        <h2>{t('settings.new_project')}</h2>
        <Field
          label={t('settings.project_name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Field
          label={t('settings.project_description')}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={save.isPending || !name.trim()}
        >
          {t('settings.add_project')}
        </button>
      </form>
    </div>
  );
}
