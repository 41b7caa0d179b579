import { useTranslation } from 'react-i18next';
import { NavLink, useParams } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { NotFoundContent } from '../StatusScreens';
import { ChannelsSettings } from './ChannelsSettings';
import { DocumentsSettings } from './DocumentsSettings';
import { GeneralSettings, ProjectsSettings } from './GeneralSettings';
import { PageIdentitySettings } from './PageIdentitySettings';
import { LinksSettings } from './LinksSettings';
import { TaskListsSettings } from './TaskListsSettings';
import { MembersSettings, TeamsSettings } from './MembersSettings';
import { TypesSettings } from './TypesSettings';
import { WebhooksSettings } from './WebhooksSettings';
import { WorkflowSettings } from './WorkflowSettings';

const sections = [
  'general',
  'members',
  'teams',
  'channels',
  'types',
  'workflow',
  'projects',
  'task-lists',
  'links',
  'webhooks',
  'documents',
] as const;
type Section = (typeof sections)[number];

const sectionKey = {
  general: 'settings.general',
  members: 'settings.members',
  teams: 'settings.teams',
  channels: 'settings.channels',
  types: 'settings.types',
  workflow: 'workflow.settings_title',
  projects: 'settings.projects',
  'task-lists': 'task_lists.title',
  links: 'links.settings_title',
  webhooks: 'webhooks.title',
  documents: 'export.settings_section',
} as const;

/** The sections an editor may open: the task lists they apply to contents. */
const editorSections: readonly Section[] = ['task-lists'];

/** The workspace's settings, for its owners and admins; editors see its task lists. */
export default function SettingsScreen() {
  const { t } = useTranslation();
  const { membership } = useShell();
  const admin = membership.role === 'owner' || membership.role === 'admin';
  const editor = membership.role === 'editor';
  const { section = admin ? 'general' : 'task-lists' } = useParams();
  const slug = membership.workspace.slug;
  const known = (sections as readonly string[]).includes(section);
  const visible = admin ? sections : editor ? editorSections : [];
  useDocumentTitle(
    known ? `${t(sectionKey[section as Section])} · ${t('settings.title')}` : t('settings.title'),
  );
  if (known && !visible.includes(section as Section)) {
    return (
      <section className="page">
        <h1>{t('settings.title')}</h1>
        <p>{t('settings.forbidden')}</p>
      </section>
    );
  }
  if (!known) return <NotFoundContent />;
  const base = `/w/${encodeURIComponent(slug)}/settings`;
  return (
    <section className="page page-wide">
      <h1>{t('settings.title')}</h1>
      <nav className="tabs tabs-large" aria-label={t('settings.sections')}>
        {visible.map((name) => (
          <NavLink key={name} to={name === 'general' ? base : `${base}/${name}`} end>
            {t(sectionKey[name])}
          </NavLink>
        ))}
      </nav>
      <div className="settings-body">
        {section === 'general' && <GeneralSettings slug={slug} />}
        {section === 'general' && <PageIdentitySettings slug={slug} />}
        {section === 'members' && <MembersSettings slug={slug} />}
        {section === 'teams' && <TeamsSettings slug={slug} />}
        {section === 'channels' && <ChannelsSettings slug={slug} />}
        {section === 'types' && <TypesSettings slug={slug} />}
        {section === 'workflow' && <WorkflowSettings slug={slug} />}
        {section === 'projects' && <ProjectsSettings slug={slug} />}
        {section === 'task-lists' && <TaskListsSettings slug={slug} />}
        {section === 'links' && <LinksSettings slug={slug} />}
        {section === 'webhooks' && <WebhooksSettings slug={slug} />}
        {section === 'documents' && <DocumentsSettings slug={slug} />}
      </div>
    </section>
  );
}
