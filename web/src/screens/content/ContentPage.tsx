import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { api } from '../../api/client';
import type { Channel, Content, ContentType } from '../../api/types';
import type { Values } from '../../content/sync';
import type { PassageMark } from '../../content/passages';
import { useChannels } from '../../api/channels';
import { contentKeys, contentQuery, useContentAction } from '../../api/contents';
import { useTypes } from '../../api/contentTypes';
import { useMembers, useTeams } from '../../api/members';
import { useProjects } from '../../api/projects';
import { useWorkflow } from '../../api/workflow';
import { canLock, teamsOf, teamsUserMayAnswerFor } from '../../lib/workflow';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/Dialog';
import { findViolations, isSendableUrl } from '../../content/limits';
import { useLocale } from '../../i18n';
import {
  canArchiveContent,
  canChangeOwner,
  canCreateContent,
  canEditContent,
  canInviteMembers,
  canManageTasks,
} from '../../lib/permissions';
import { actionsOf, canShareContent, isStaff } from '../../lib/sharing';
import { ShareDialog } from '../sharing/ShareDialog';
import { genericErrorMessage } from '../../lib/errors';
import { formatNumber, formatRelative } from '../../lib/format';
import { characterCount } from '../../lib/validation';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useShell } from '../AppShell';
import { PresenceRow } from './PresenceRow';
import { NotFoundContent } from '../StatusScreens';
import { ConflictDialog } from './ConflictDialog';
import { Counters, FieldEditor } from './FieldEditors';
import { ActivityPanel } from './ActivityPanel';
import { CommentsPanel } from './CommentsPanel';
import { useComments, useTasks } from '../../api/collab';
import { narrowScreen, useMediaQuery, wideScreen } from '../../lib/useMediaQuery';
import {
  marksByField,
  PassageMarkers,
  ThreadMarksContext,
  type ShownThread,
  type ThreadMarksValue,
} from './ThreadMarks';
import { TasksPanel } from './TasksPanel';
import { HistoryPanel } from './HistoryPanel';
import { MetaPanel } from './MetaPanel';
import { useContentSync, type ContentSync, type SaveState } from './useContentSync';
import { ApprovalsPanel, LockBanner, LockButton, StatusControl } from './WorkflowPanel';
import { refreshAfterFileChange, uploadAttachment, useAttachments } from '../../api/files';
import { AttachmentsPanel } from '../files/AttachmentsPanel';
import { PaperclipIcon } from '../files/AttachmentCount';
import { ImageUploadContext, type ImageUpload } from '../files/imageUpload';
import { PublicationPanel } from '../calendar/PublicationPanel';
import { ExportMenu } from '../documents/ExportMenu';
import { ImportRevisionButton } from '../documents/ImportDialogs';
import { SourceChangedBanner, TranslationBar } from '../translations/TranslationBar';
import { VariantsSection } from './VariantsSection';
import { VariantCheckItems, useVariantChecks } from './VariantLabels';

/** /w/:slug/contents/:id and …/history: one content, written or looked back on. */
export default function ContentPage() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  // Someone else's saves show up here while this user has nothing unsent.
  const query = useQuery({ ...contentQuery(id), refetchInterval: 15_000 });
  // A failed background refresh (offline, a session that ended) keeps the page as it is: the
  // save indicator speaks for the connection. Only a content never loaded shows the error.
  if (query.data === undefined) {
    if (!query.isError) return <p className="muted">{t('common.loading')}</p>;
    if (isApiError(query.error, 404) || isApiError(query.error, 403)) return <NotFoundContent />;
    return (
      <Alert>
        {genericErrorMessage(t, query.error)}{' '}
        <button type="button" className="link-button" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  return <ContentScreen key={id} initial={query.data} latest={query.data} tab={tab} />;
}

function ContentScreen({
  initial,
  latest,
  tab,
}: {
  initial: Content;
  latest: Content;
  tab: string | undefined;
}) {
  const { t } = useTranslation();
  const { me, membership } = useShell();
  const slug = membership.workspace.slug;
  const types = useTypes(slug).data ?? [];
  const type = types.find((item) => item.id === initial.type.id);
  // A half-typed URL would make the server refuse the whole save: it waits on the device.
  const sync = useContentSync(initial, me.user.id, (key, value) => {
    const field = type?.fields.find((f) => `fields.${f.key}` === key);
    return field?.kind !== 'url' || isSendableUrl(value);
  });
  // A guest does what the share gives them (the server says which level); staff by their role.
  const staff = isStaff(membership.role);
  const sharedLevel = staff ? null : (latest.shared ?? null);
  const shareActions = actionsOf(sharedLevel);
  const mayEdit = canEditContent(membership.role, me.user.id, sync.content) || shareActions.edit;
  const mayShare = canShareContent(membership.role, me.user.id, sync.content);
  const [sharing, setSharing] = useState(false);
  // An archived or locked content is read-only until it is brought back or unlocked (the server
  // refuses edits: 423 with who locked it and why). The workflow state is the latest known.
  const locked = latest.lock !== null;
  const editable = mayEdit && !sync.content.archived && !locked;
  const channels = useChannels(slug).data ?? [];
  const members = useMembers(slug, staff).data ?? [];
  const projects = useProjects(slug, staff).data ?? [];
  const teams = useTeams(slug, staff).data ?? [];
  const statuses = useWorkflow(slug, staff).data ?? [];
  const myTeams = teamsOf(teams, me.user.id);
  const answerFor = teamsUserMayAnswerFor(statuses, latest.status?.id ?? null, myTeams);
  const mayLock = canLock(membership.role, me.user.id, latest, myTeams);
  const lockedBy = latest.lock
    ? (members.find((m) => m.user_id === latest.lock?.by)?.name ?? '')
    : '';
  const [conflictDialog, setConflictDialog] = useState(true);
  const queryClient = useQueryClient();
  const fieldsRef = useRef<HTMLFieldSetElement>(null);
  const fieldLabel = useCallback(
    (key: string) =>
      key === 'title'
        ? t('content.title')
        : (type?.fields.find((f) => f.key === key)?.label ?? key),
    [t, type],
  );
  const threadMarks = useThreadMarksValue(initial.id);
  // Images pasted or dropped in the text become attachments of this content.
  const imageUpload = useMemo<ImageUpload | null>(
    () =>
      editable
        ? {
            upload: async (file, alt, options) => {
              const attachment = await uploadAttachment(initial.id, file, alt, options);
              void refreshAfterFileChange(queryClient, [initial.id]);
              return attachment;
            },
          }
        : null,
    [editable, initial.id, queryClient],
  );
  const narrow = useMediaQuery(narrowScreen);
  const margin = useMediaQuery(wideScreen);
  // On a phone or a tablet the panels fold into a sheet over the text, one at a time.
  const [panel, setPanel] = useState<Panel | null>(null);
  useOpenedThread(initial.id, threadMarks, narrow ? () => setPanel('comments') : undefined);
  useEffect(() => {
    if (!panel) return undefined;
    // Escape folds the sheet, unless something in it (a mention list, a dialog) used the key.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (document.querySelector('dialog[open]')) return;
      setPanel(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel]);
  // A passage chosen in a thread is shown in the text: the sheet makes way for it. A reader
  // tapping a highlight sees its thread (a writer tapping into the text is left to write).
  const shownRequest = threadMarks.shown;
  useEffect(() => {
    if (!narrow || !shownRequest) return;
    if (shownRequest.from === 'panel') setPanel(null);
    else if (shownRequest.from === 'text' && !editable) setPanel('comments');
  }, [shownRequest, narrow, editable]);
  const title = typeof sync.local.title === 'string' ? sync.local.title : '';
  useDocumentTitle(title || t('content.untitled'));

  // Ctrl+S / ⌘S saves at once instead of opening the browser's "Save page".
  const { saveNow } = sync;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveNow]);

  // A save refused because someone locked the text meanwhile: show the lock at once.
  const lockedOut = sync.state.kind === 'error' && isApiError(sync.state.error, 423);
  useEffect(() => {
    if (lockedOut) void queryClient.invalidateQueries({ queryKey: contentKeys.one(initial.id) });
  }, [lockedOut, queryClient, initial.id]);

  const { refresh } = sync;
  useEffect(() => refresh(latest), [latest, refresh]);
  useEffect(() => {
    if (sync.conflicts.length > 0) setConflictDialog(true);
  }, [sync.conflicts]);

  const base = `/w/${encodeURIComponent(slug)}/contents/${encodeURIComponent(sync.content.id)}`;
  const history = tab === 'history';
  const activity = tab === 'activity';
  if (tab !== undefined && !history && !activity) return <NotFoundContent />;

  const comments = (inMargin: boolean) => (
    <CommentsPanel
      contentId={sync.content.id}
      userId={me.user.id}
      role={membership.role}
      members={members}
      teams={teams}
      fieldsRef={fieldsRef}
      fieldLabel={fieldLabel}
      mayWrite={staff || shareActions.comment}
      margin={inMargin}
    />
  );

  return (
    <article
      className={narrow && !history && !activity ? 'content-page with-panel-bar' : 'content-page'}
    >
      <div className="content-header">
        <Link to={`/w/${encodeURIComponent(slug)}/contents`} className="back-link">
          ← {t('contents.title')}
        </Link>
        <span className="content-type">{sync.content.type.name}</span>
        {sync.content.archived && <span className="badge">{t('contents.archived_badge')}</span>}
        <SaveIndicator state={sync.state} onRetry={sync.retry} />
        <nav className="tabs" aria-label={t('content.views')}>
          <NavLink end to={base}>
            {t('content.tab_edit')}
          </NavLink>
          <NavLink to={`${base}/history`}>{t('content.tab_history')}</NavLink>
          <NavLink to={`${base}/activity`}>{t('activity.tab')}</NavLink>
        </nav>
        <ExportMenu content={latest} />
        {editable && staff && (
          <ImportRevisionButton
            content={sync.content}
            type={type}
            disabled={sync.state.kind !== 'saved'}
            onImported={(fresh) => {
              sync.replaceFromServer(fresh);
              void queryClient.invalidateQueries({ queryKey: ['content', fresh.id] });
            }}
          />
        )}
        {mayShare && (
          <button type="button" className="button button-quiet" onClick={() => setSharing(true)}>
            {t('share.open')}
          </button>
        )}
        {canArchiveContent(membership.role, me.user.id, sync.content) && (
          <ContentActions content={sync.content} sync={sync} role={membership.role} />
        )}
      </div>

      <PresenceRow contentId={sync.content.id} myId={me.user.id} />
      <LockBanner content={latest} lockedBy={lockedBy} canUnlock={mayLock} />
      <TranslationBar
        slug={slug}
        content={latest}
        mayTranslate={staff && canCreateContent(membership.role)}
      />
      <SourceChangedBanner content={latest} type={type} mayMark={mayEdit} />
      {!mayEdit && <Alert tone="info">{t('content.read_only')}</Alert>}
      {mayEdit && sync.content.archived && (
        <Alert tone="info">{t('content.archived_read_only')}</Alert>
      )}
      {sync.restoredDraft && sync.state.kind !== 'saved' && (
        <Alert tone="info">{t('content.draft_restored')}</Alert>
      )}
      {sync.mergedNotice && (
        <div className="alert alert-info" role="status">
          {t('content.merged')}{' '}
          <button type="button" className="link-button" onClick={sync.dismissMerged}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {sync.conflicts.length > 0 && !conflictDialog && (
        <div className="alert alert-error" role="alert">
          {t('conflict.pending')}{' '}
          <button type="button" className="link-button" onClick={() => setConflictDialog(true)}>
            {t('conflict.open')}
          </button>
        </div>
      )}

      {history ? (
        <HistoryPanel sync={sync} type={type} />
      ) : activity ? (
        <ActivityPanel content={latest} type={type} teams={teams} members={members} />
      ) : (
        <ThreadMarksContext.Provider value={threadMarks}>
          <ImageUploadContext.Provider value={imageUpload}>
            <div className="content-layout">
              <fieldset className="content-main" disabled={!editable} ref={fieldsRef}>
                <legend className="sr-only">{title || t('content.untitled')}</legend>
                <TitleField value={title} onChange={(value) => sync.change('title', value)} />
                {type?.fields.map((field) => (
                  <FieldEditor
                    key={field.key}
                    field={field}
                    value={sync.local[`fields.${field.key}`]}
                    channels={channels}
                    selectedChannels={(sync.local.channels as string[] | null) ?? []}
                    externalChange={sync.externalChange}
                    readOnly={!editable}
                    violations={[]}
                    onChange={(value) => sync.change(`fields.${field.key}`, value)}
                    onDirty={sync.markDirty}
                    registerFlusher={sync.registerFlusher}
                  />
                ))}
                <Checks local={sync.local} type={type} channels={channels} />
              </fieldset>
              <VariantsSection
                sync={sync}
                channels={channels}
                editable={editable}
                slug={slug}
                workspaceName={membership.workspace.name}
              />
              <div
                id="content-panels"
                className={panel ? 'content-side content-side-open' : 'content-side'}
                data-panel={panel ?? undefined}
              >
                {narrow && panel && (
                  <div className="sheet-head">
                    <button
                      type="button"
                      className="button button-quiet"
                      autoFocus
                      onClick={() => setPanel(null)}
                    >
                      ← {t('layout.back_to_text')}
                    </button>
                  </div>
                )}
                <section className="workflow-panel" data-sheet="status">
                  {staff ? (
                    <StatusControl
                      content={latest}
                      statuses={statuses}
                      teams={teams}
                      canMove={
                        (canEditContent(membership.role, me.user.id, sync.content) ||
                          answerFor.length > 0) &&
                        !sync.content.archived
                      }
                    />
                  ) : (
                    latest.status && (
                      <p className="guest-status">
                        <span
                          className="status-dot"
                          style={{ background: latest.status.color }}
                          aria-hidden="true"
                        />
                        {t('guest.status', { status: latest.status.name })}
                      </p>
                    )
                  )}
                  <ApprovalsPanel
                    content={latest}
                    type={type}
                    answerFor={answerFor}
                    teams={teams}
                    unsaved={sync.state.kind !== 'saved'}
                  />
                  {mayLock && !sync.content.archived && <LockButton content={latest} />}
                </section>
                <div data-sheet="files">
                  <AttachmentsPanel contentId={sync.content.id} slug={slug} mayEdit={editable} />
                </div>
                {staff && (
                  <div data-sheet="details">
                    <MetaPanel
                      readOnly={
                        !editable || !canEditContent(membership.role, me.user.id, sync.content)
                      }
                      ownerReadOnly={!canChangeOwner(membership.role)}
                      slug={slug}
                      values={sync.local}
                      channels={channels}
                      members={members}
                      projects={projects}
                      onChange={sync.change}
                    />
                    <PublicationPanel
                      content={latest}
                      channels={channels}
                      mayEdit={canEditContent(membership.role, me.user.id, sync.content)}
                    />
                  </div>
                )}
                <div data-sheet="tasks">
                  <TasksPanel
                    content={latest}
                    slug={slug}
                    members={members}
                    teams={teams}
                    mayManage={canManageTasks(membership.role, me.user.id, sync.content)}
                    mayMove={staff && (mayEdit || answerFor.length > 0) && !sync.content.archived}
                  />
                </div>
                {!margin && <div data-sheet="comments">{comments(false)}</div>}
              </div>
              {margin && <div className="content-margin">{comments(true)}</div>}
            </div>
            {narrow && (
              <PanelBar
                contentId={sync.content.id}
                details={staff}
                open={panel}
                onChoose={(chosen) => setPanel((current) => (current === chosen ? null : chosen))}
              />
            )}
          </ImageUploadContext.Provider>
        </ThreadMarksContext.Provider>
      )}

      {mayShare && (
        <ShareDialog
          open={sharing}
          onClose={() => setSharing(false)}
          target={{ kind: 'content', id: sync.content.id }}
          title={title || t('content.untitled')}
          members={members}
          teams={teams}
          userId={me.user.id}
          mayInvite={canInviteMembers(membership.role)}
        />
      )}
      <ConflictDialog
        conflicts={sync.conflicts}
        type={type}
        channels={channels}
        members={members}
        projects={projects}
        open={conflictDialog}
        onClose={() => setConflictDialog(false)}
        onResolve={sync.resolve}
      />
    </article>
  );
}

type Panel = 'status' | 'comments' | 'tasks' | 'files' | 'details';

/**
 * A link to one thread (`?thread=…`, from a mention or a reply notification) shows that thread,
 * once the comments are there; `onOpen` lets a phone unfold the comments first.
 */
function useOpenedThread(
  contentId: string,
  marks: ThreadMarksValue,
  onOpen: (() => void) | undefined,
) {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('thread');
  const { open } = marks;
  const threads = useComments(contentId).data;
  const known = wanted !== null && threads?.some((thread) => thread.id === wanted);
  useEffect(() => {
    if (!wanted || !known) return;
    onOpen?.();
    open(wanted);
    // Once shown, the link's request is spent: a reload or a later visit starts at the top.
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete('thread');
        return next;
      },
      { replace: true },
    );
    // onOpen is a fresh function each render; the request is served once.
  }, [wanted, known]);
}

/** On a phone or a tablet: one tap from the text to each panel, within the thumb's reach. */
function PanelBar({
  contentId,
  details,
  open,
  onChoose,
}: {
  contentId: string;
  details: boolean;
  open: Panel | null;
  onChoose: (panel: Panel) => void;
}) {
  const { t } = useTranslation();
  const openThreads = (useComments(contentId).data ?? []).filter((thread) => !thread.resolved);
  const openTasks = (useTasks(contentId).data ?? []).filter((task) => !task.done);
  const files = (useAttachments(contentId).data ?? []).length;
  const panels: { panel: Panel; label: string; count?: number; icon?: ReactNode }[] = [
    { panel: 'status', label: t('layout.panel_status') },
    { panel: 'comments', label: t('layout.panel_comments'), count: openThreads.length },
    { panel: 'tasks', label: t('layout.panel_tasks'), count: openTasks.length },
    // The paperclip alone: a fifth word would not fit a phone's width in French.
    { panel: 'files', label: t('files.title'), count: files, icon: <PaperclipIcon /> },
    ...(details ? [{ panel: 'details' as const, label: t('layout.panel_details') }] : []),
  ];
  return (
    <nav className="panel-bar" aria-label={t('layout.panels')}>
      {panels.map(({ panel, label, count, icon }) => (
        <button
          key={panel}
          type="button"
          aria-expanded={open === panel}
          aria-controls="content-panels"
          aria-label={
            count ? t('layout.panel_count', { panel: label, count }) : icon ? label : undefined
          }
          onClick={() => onChoose(panel)}
        >
          {icon ?? label}
          {count ? (
            <span className="panel-bar-count" aria-hidden="true">
              {count}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}

/** The open threads' passages by field, and the thread shown in the text and the panel. */
function useThreadMarksValue(contentId: string): ThreadMarksValue {
  const threads = useComments(contentId);
  const byField = useMemo(() => marksByField(threads.data), [threads.data]);
  const [shown, setShown] = useState<ShownThread | null>(null);
  const marksOf = useCallback((field: string) => byField.get(field) ?? noMarks, [byField]);
  const ask = useCallback(
    (from: ShownThread['from']) => (thread: string) =>
      setShown((previous) => ({ thread, from, nonce: (previous?.nonce ?? 0) + 1 })),
    [],
  );
  const reveal = useMemo(() => ask('text'), [ask]);
  const show = useMemo(() => ask('panel'), [ask]);
  const open = useMemo(() => ask('link'), [ask]);
  return useMemo(
    () => ({ marksOf, shown, reveal, show, open }),
    [marksOf, shown, reveal, show, open],
  );
}

const noMarks: readonly PassageMark[] = [];

function Checks({
  local,
  type,
  channels,
}: {
  local: Values;
  type: ContentType | undefined;
  channels: Channel[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const found = findViolations(local, type?.fields ?? [], channels);
  const variantChecks = useVariantChecks(local, channels);
  if (found.length === 0 && variantChecks.length === 0) return null;
  const label = (key: string) =>
    key === 'title' ? t('content.title') : (type?.fields.find((f) => f.key === key)?.label ?? key);
  return (
    <section className="checks" aria-labelledby="checks-title">
      <h2 id="checks-title">{t('content.checks')}</h2>
      <ul>
        {found.map((v, index) => (
          <li key={index} className={v.rule === 'required' ? 'check-required' : 'check-over'}>
            {v.rule === 'required'
              ? t('content.check_required', { field: label(v.field) })
              : v.channel
                ? t('content.check_channel', {
                    field: label(v.field),
                    channel: v.channel.name,
                    actual: formatNumber(v.actual, locale),
                    limit: formatNumber(v.limit, locale),
                  })
                : t('content.check_length', {
                    field: label(v.field),
                    actual: formatNumber(v.actual, locale),
                    limit: formatNumber(v.limit, locale),
                  })}
          </li>
        ))}
        <VariantCheckItems found={variantChecks} channels={channels} />
      </ul>
      <p className="muted">{t('content.checks_kept')}</p>
    </section>
  );
}

function TitleField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="title-field" data-field-key="title">
      <label htmlFor="content-title" className="sr-only">
        {t('content.title')}
      </label>
      <PassageMarkers field="title" text={value} />
      <textarea
        id="content-title"
        className="title-input"
        rows={1}
        value={value}
        placeholder={t('content.untitled')}
        aria-describedby="title-counter"
        onChange={(event) => onChange(event.target.value.replace(/\n/g, ' '))}
      />
      {characterCount(value) > 180 && (
        <Counters id="title-counter" count={characterCount(value)} limits={[{ limit: 200 }]} />
      )}
    </div>
  );
}

/** Saving… / Saved / Offline — your changes are kept on this device / Not saved. */
function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const locale = useLocale();
  useEffect(() => {
    if (state.kind === 'saved') setSavedAt(new Date().toISOString());
  }, [state]);
  let text: string;
  switch (state.kind) {
    case 'saved':
      text = t('save.saved');
      break;
    case 'pending':
      text = t('save.pending');
      break;
    case 'saving':
      text = t('save.saving');
      break;
    case 'offline':
      text = t('save.offline');
      break;
    case 'conflict':
      text = t('save.conflict');
      break;
    case 'error':
      if (isApiError(state.error, 423)) {
        const by = state.error.extra.locked_by as { name?: string } | undefined;
        text = t('workflow.save_locked', {
          name: by?.name ?? t('workflow.someone'),
          reason: String(state.error.extra.reason ?? ''),
        });
        break;
      }
      text = isApiError(state.error, 401)
        ? t('save.signed_out')
        : `${t('save.error')} ${genericErrorMessage(t, state.error)}`;
      break;
  }
  return (
    <span className={`save-state save-${state.kind}`}>
      <span
        role="status"
        aria-live="polite"
        data-testid="save-state"
        title={savedAt ? formatRelative(savedAt, locale) : undefined}
      >
        {text}
      </span>
      {state.kind === 'error' &&
        (isApiError(state.error, 401) ? (
          <Link to="/login" state={{ from: location.pathname }}>
            {t('login.submit')}
          </Link>
        ) : (
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common.retry')}
          </button>
        ))}
    </span>
  );
}

function ContentActions({
  content,
  sync,
  role,
}: {
  content: Content;
  sync: ContentSync;
  role: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { membership } = useShell();
  const action = useContentAction(content.id);
  const [confirm, setConfirm] = useState<'archive' | 'purge' | null>(null);
  const canPurge = role === 'owner' || role === 'admin';
  const run = async (kind: 'archive' | 'unarchive' | 'purge') => {
    try {
      await action.mutateAsync(kind);
      setConfirm(null);
      if (kind === 'purge') {
        navigate(`/w/${encodeURIComponent(membership.workspace.slug)}/contents`, { replace: true });
        return;
      }
      const fresh = await api.get<Content>(`/api/v1/contents/${encodeURIComponent(content.id)}`);
      sync.replaceFromServer(fresh);
    } catch {
      setConfirm(null);
    }
  };
  return (
    <div className="content-actions">
      {content.archived ? (
        <>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void run('unarchive')}
          >
            {t('content.unarchive')}
          </button>
          {canPurge && (
            <button
              type="button"
              className="button button-danger-quiet"
              onClick={() => setConfirm('purge')}
            >
              {t('content.purge')}
            </button>
          )}
        </>
      ) : (
        <button
          type="button"
          className="button button-quiet"
          disabled={sync.state.kind !== 'saved'}
          title={sync.state.kind !== 'saved' ? t('history.restore_wait') : undefined}
          onClick={() => setConfirm('archive')}
        >
          {t('content.archive')}
        </button>
      )}
      {action.isError && (
        <span className="field-error">{genericErrorMessage(t, action.error)}</span>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'purge' ? t('content.purge_title') : t('content.archive_title')}
        body={<p>{confirm === 'purge' ? t('content.purge_body') : t('content.archive_body')}</p>}
        confirm={confirm === 'purge' ? t('content.purge') : t('content.archive')}
        danger={confirm === 'purge'}
        busy={action.isPending}
        onConfirm={() => confirm && void run(confirm)}
        onClose={() => setConfirm(null)}
      />
    </div>
  );
}
