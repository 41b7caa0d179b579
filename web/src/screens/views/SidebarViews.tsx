import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import {
  useDeleteView,
  useUpdateView,
  useViews,
  type SavedView,
  type WorkspaceRef,
} from '../../api/search';
import type { Role } from '../../api/types';
import { Alert } from '../../components/Alert';
import { ConfirmDialog, Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Popover } from '../../components/Popover';
import { genericErrorMessage } from '../../lib/errors';
import { filtersToSearch, parseFilters, viewPath } from '../../lib/filters';
import { canChangeView } from '../../lib/permissions';
import { SubscribeDialog } from '../feeds/SubscribeButton';
import { isStaff } from '../../lib/sharing';
import { ZipExportDialog } from '../documents/ExportMenu';

/** The page's filters as a view's path is written, to say which view is open. */
function canonicalHere(pathname: string, search: string): string {
  const query = filtersToSearch(parseFilters(search)).toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * Whether the page shows view `path`: the same filters on the same screen, the list and the board
 * being two layouts of one screen (the toggle between them keeps the view open).
 */
function isOpen(path: string, here: string): boolean {
  const layout = (at: string) => at.replace(/\/(contents|board)(\?|$)/, '/layout$2');
  return path === here || layout(path) === layout(here);
}

/** The saved views in the sidebar: open one, rename or delete it. */
export function SidebarViews({
  workspace,
  role,
  userId,
}: {
  workspace: WorkspaceRef;
  role: Role;
  userId: string;
}) {
  const slug = workspace.slug;
  const { t } = useTranslation();
  const views = useViews(workspace);
  const location = useLocation();
  const here = canonicalHere(location.pathname, location.search);
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const [subscribing, setSubscribing] = useState<SavedView | null>(null);
  const [zipping, setZipping] = useState<SavedView | null>(null);
  const remove = useDeleteView(workspace);

  return (
    <section className="sidebar-views" aria-labelledby="sidebar-views-title">
      <h2 id="sidebar-views-title" className="sidebar-heading">
        {t('views.title')}
      </h2>
      {views.isError && <p className="sidebar-note">{t('views.failed')}</p>}
      {views.isSuccess && views.data.length === 0 && (
        <p className="sidebar-note">{t('views.empty')}</p>
      )}
      <ul className="sidebar-nav">
        {views.data?.map((view) => {
          const path = viewPath(slug, view, view.screen ?? undefined);
          const current = isOpen(path, here);
          return (
            <li key={view.id} className="sidebar-view">
              <Link
                to={path}
                className={current ? 'active' : undefined}
                aria-current={current ? 'page' : undefined}
                title={view.name}
              >
                <span className="sidebar-view-name">{view.name}</span>
                {view.shared && (
                  <span className="sidebar-view-badge">{t('views.shared_badge')}</span>
                )}
              </Link>
              <Popover
                label={<span aria-hidden="true">⋯</span>}
                ariaLabel={t('views.actions', { name: view.name })}
                title={t('views.actions', { name: view.name })}
                align="end"
              >
                {(close) => (
                  <div className="popover-actions">
                    <button
                      type="button"
                      className="menu-button"
                      onClick={() => {
                        close();
                        setSubscribing(view);
                      }}
                    >
                      {t('feeds.subscribe')}
                    </button>
                    {isStaff(role) && (
                      <button
                        type="button"
                        className="menu-button"
                        onClick={() => {
                          close();
                          setZipping(view);
                        }}
                      >
                        {t('export.zip')}
                      </button>
                    )}
                    {canChangeView(role, userId, view) && (
                      <>
                        <button
                          type="button"
                          className="menu-button"
                          onClick={() => {
                            close();
                            setRenaming(view);
                          }}
                        >
                          {t('views.rename')}
                        </button>
                        <button
                          type="button"
                          className="menu-button menu-button-danger"
                          onClick={() => {
                            close();
                            remove.reset();
                            setDeleting(view);
                          }}
                        >
                          {t('views.delete')}
                        </button>
                      </>
                    )}
                  </div>
                )}
              </Popover>
            </li>
          );
        })}
      </ul>
      {subscribing && (
        <SubscribeDialog
          target={{ workspace: slug, kind: 'view', view: subscribing.id }}
          onClose={() => setSubscribing(null)}
        />
      )}
      {zipping && (
        <ZipExportDialog
          slug={slug}
          of={{ view: zipping.id }}
          name={zipping.name}
          onClose={() => setZipping(null)}
        />
      )}
      {renaming && (
        <RenameView workspace={workspace} view={renaming} onClose={() => setRenaming(null)} />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('views.delete_title', { name: deleting?.name ?? '' })}
        body={
          <>
            {remove.isError && <Alert>{genericErrorMessage(t, remove.error)}</Alert>}
            <p>{t('views.delete_body')}</p>
          </>
        }
        confirm={t('views.delete')}
        danger
        busy={remove.isPending}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) });
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

function RenameView({
  workspace,
  view,
  onClose,
}: {
  workspace: WorkspaceRef;
  view: SavedView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateView(workspace);
  const [name, setName] = useState(view.name);
  const [missing, setMissing] = useState(false);
  const ref = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissing(true);
      ref.current?.focus();
      return;
    }
    update.mutate({ id: view.id, name: name.trim() }, { onSuccess: onClose });
  };
  return (
    <Dialog open title={t('views.rename_title')} onClose={onClose}>
      <form className="form form-tight" noValidate onSubmit={submit}>
        {update.isError && <Alert>{genericErrorMessage(t, update.error)}</Alert>}
        <Field
          label={t('views.name')}
          name="name"
          value={name}
          maxLength={100}
          inputRef={ref}
          onChange={(event) => {
            setName(event.target.value);
            setMissing(false);
          }}
          error={missing ? t('form.required') : undefined}
        />
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {t('views.rename')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
