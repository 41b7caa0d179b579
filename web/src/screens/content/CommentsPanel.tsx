import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useThreadsBesidePassages } from './marginLayout';
import { useTranslation } from 'react-i18next';
import { useCommentAction, useComments, type Comment, type CommentThread } from '../../api/collab';
import type { Member, Role, Team } from '../../api/types';
import { ConfirmDialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatRelative } from '../../lib/format';
import { mentionCandidates, type MentionCandidate } from '../../lib/mentions';
import { CommentBody, MentionTextarea } from './MentionTextarea';
import { useThreadMarks } from './ThreadMarks';

export interface Passage {
  field: string;
  quote: string;
}

const maxQuote = 1000;

/** The passage selected in one of the content's fields, with that field's key. */
export function selectedPassage(root: HTMLElement | null): Passage | null {
  if (!root) return null;
  const active = document.activeElement;
  if (
    (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) &&
    root.contains(active)
  ) {
    const start = active.selectionStart ?? 0;
    const end = active.selectionEnd ?? 0;
    const field = active.closest<HTMLElement>('[data-field-key]')?.dataset.fieldKey;
    if (field && end > start)
      return { field, quote: active.value.slice(start, end).slice(0, maxQuote) };
  }
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode) return null;
  if (!root.contains(selection.anchorNode)) return null;
  const holder =
    selection.anchorNode instanceof HTMLElement
      ? selection.anchorNode
      : selection.anchorNode.parentElement;
  const field = holder?.closest<HTMLElement>('[data-field-key]')?.dataset.fieldKey;
  const quote = selection.toString().slice(0, maxQuote);
  return field && quote.trim() !== '' ? { field, quote } : null;
}

/** The comment threads of a content: write, reply, edit, resolve; resolved ones folded. */
export function CommentsPanel({
  contentId,
  userId,
  role,
  members,
  teams,
  fieldsRef,
  fieldLabel,
  mayWrite = true,
  margin = false,
}: {
  contentId: string;
  userId: string;
  role: Role;
  /** False for a guest whose share lets them read only. */
  mayWrite?: boolean;
  members: Member[];
  teams: Team[];
  fieldsRef: RefObject<HTMLElement | null>;
  fieldLabel: (key: string) => string;
  /** In the margin beside the text (a wide screen): each thread level with its passage. */
  margin?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const threads = useComments(contentId);
  const action = useCommentAction(contentId);
  const [draft, setDraft] = useState('');
  const [passage, setPassage] = useState<Passage | null>(null);
  const [noSelection, setNoSelection] = useState(false);
  const [deleting, setDeleting] = useState<Comment | null>(null);
  const candidates = useMemo(() => mentionCandidates(members, teams), [members, teams]);
  const open = (threads.data ?? []).filter((thread) => !thread.resolved);
  const resolved = (threads.data ?? []).filter((thread) => thread.resolved);
  const mayDeleteAny = role === 'owner' || role === 'admin';

  const post = () => {
    if (draft.trim() === '') return;
    action.mutate(
      { kind: 'create', input: passage ? { body: draft, anchor: passage } : { body: draft } },
      {
        onSuccess: () => {
          setDraft('');
          setPassage(null);
        },
      },
    );
  };

  const shared = { userId, mayDeleteAny, candidates, fieldLabel, contentId, onDelete: setDeleting };
  useThreadsBesidePassages(margin, listRef, fieldsRef, open);
  // A resolved thread asked for by a link (a notification) unfolds the resolved ones; a thread
  // resolved while shown folds away as usual.
  const resolvedRef = useRef<HTMLDetailsElement>(null);
  const { shown } = useThreadMarks();
  const resolvedShown =
    shown?.from === 'link' && resolved.some((thread) => thread.id === shown.thread);
  useEffect(() => {
    if (resolvedShown && resolvedRef.current) resolvedRef.current.open = true;
    // Only a new request unfolds them.
  }, [shown?.nonce]);

  return (
    <section
      className={margin ? 'comments-panel comments-margin' : 'comments-panel'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="meta-title">
        {t('collab.comments')}
      </h2>
      {mayWrite && (
        <div className="comment-compose">
          <button
            type="button"
            className="button button-quiet"
            // Pressing the button must not take the focus, nor the selection, from the field.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const found = selectedPassage(fieldsRef.current);
              setNoSelection(found === null);
              if (found) setPassage(found);
            }}
          >
            {t('collab.comment_selection')}
          </button>
          {noSelection && <p className="muted">{t('collab.select_first')}</p>}
          {passage && (
            <div className="comment-passage">
              <span className="muted">
                {t('collab.on_field', { field: fieldLabel(passage.field) })}
              </span>
              <blockquote>{passage.quote}</blockquote>
              <button type="button" className="link-button" onClick={() => setPassage(null)}>
                {t('collab.general_instead')}
              </button>
            </div>
          )}
          <MentionTextarea
            label={passage ? t('collab.comment_on_passage') : t('collab.new_comment')}
            value={draft}
            onChange={setDraft}
            candidates={candidates}
            onSubmit={post}
          />
          <div className="comment-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={draft.trim() === '' || action.isPending}
              onClick={post}
            >
              {t('collab.post')}
            </button>
          </div>
          {action.isError && (
            <p className="field-error" role="alert">
              {genericErrorMessage(t, action.error)}
            </p>
          )}
        </div>
      )}
      {threads.isError && <p className="field-error">{genericErrorMessage(t, threads.error)}</p>}
      {threads.data && threads.data.length === 0 && (
        <p className="muted">{t('collab.no_comments')}</p>
      )}
      <ul className="comment-threads" ref={listRef}>
        {open.map((thread) => (
          <li key={thread.id} data-thread={thread.id}>
            <Thread thread={thread} {...shared} />
          </li>
        ))}
      </ul>
      {resolved.length > 0 && (
        <details className="comment-resolved" ref={resolvedRef}>
          <summary>{t('collab.resolved_count', { count: resolved.length })}</summary>
          <ul className="comment-threads">
            {resolved.map((thread) => (
              <li key={thread.id}>
                <Thread thread={thread} {...shared} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('collab.delete_title')}
        body={
          <p>
            {deleting?.parent === null ? t('collab.delete_thread_body') : t('collab.delete_body')}
          </p>
        }
        confirm={t('common.delete')}
        danger
        busy={action.isPending}
        onConfirm={() =>
          deleting &&
          action.mutate({ kind: 'delete', id: deleting.id }, { onSettled: () => setDeleting(null) })
        }
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}

interface ThreadProps {
  contentId: string;
  userId: string;
  mayDeleteAny: boolean;
  candidates: MentionCandidate[];
  fieldLabel: (key: string) => string;
  onDelete: (comment: Comment) => void;
}

function Thread({ thread, ...props }: ThreadProps & { thread: CommentThread }) {
  const { t } = useTranslation();
  const action = useCommentAction(props.contentId);
  const { shown, show, marksOf } = useThreadMarks();
  const ref = useRef<HTMLElement>(null);
  const [replying, setReplying] = useState(false);
  const isShown = shown?.thread === thread.id;
  const removed = thread.anchor_state === 'removed';
  // Its passage is highlighted in the text (an open thread whose passage is still there).
  const inText =
    thread.anchor !== null && marksOf(thread.anchor.field).some((m) => m.thread === thread.id);
  // A highlight reached in the text: bring its thread into view here. A link to the thread
  // (a notification) brings it to the middle of the window, once the threads are in place.
  const asked = isShown && shown.from !== 'panel' ? shown : null;
  useEffect(() => {
    if (asked === null) return undefined;
    const frame = requestAnimationFrame(() =>
      ref.current?.scrollIntoView({
        block: asked.from === 'link' ? 'center' : 'nearest',
        behavior: 'smooth',
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [asked?.nonce]);
  const [reply, setReply] = useState('');
  const send = () => {
    if (reply.trim() === '') return;
    action.mutate(
      { kind: 'create', input: { body: reply, parent: thread.id } },
      {
        onSuccess: () => {
          setReply('');
          setReplying(false);
        },
      },
    );
  };
  return (
    <article
      ref={ref}
      className={[
        'comment-thread',
        thread.resolved ? 'comment-thread-resolved' : '',
        isShown ? 'comment-thread-shown' : '',
      ]
        .filter(Boolean)
        .join(' ')}
      aria-label={t('collab.thread_by', { name: thread.author.name })}
      aria-current={isShown || undefined}
    >
      {thread.anchor && (
        <div className={removed ? 'comment-passage comment-passage-removed' : 'comment-passage'}>
          <span className="muted">
            {t('collab.on_field', { field: props.fieldLabel(thread.anchor.field) })}
            {removed && <span className="badge">{t('collab.on_removed_text')}</span>}
          </span>
          <blockquote>{thread.anchor.quote}</blockquote>
          {removed && <p className="muted">{t('collab.removed_hint')}</p>}
          {inText && (
            <button type="button" className="link-button" onClick={() => show(thread.id)}>
              {t('collab.show_in_text')}
            </button>
          )}
        </div>
      )}
      <CommentItem comment={thread} {...props} />
      {thread.replies.length > 0 && (
        <ul className="comment-replies">
          {thread.replies.map((item) => (
            <li key={item.id}>
              <CommentItem comment={item} {...props} />
            </li>
          ))}
        </ul>
      )}
      {replying ? (
        <div className="comment-compose">
          <MentionTextarea
            label={t('collab.reply_label')}
            value={reply}
            onChange={setReply}
            candidates={props.candidates}
            onSubmit={send}
            autoFocus
          />
          <div className="comment-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={reply.trim() === '' || action.isPending}
              onClick={send}
            >
              {t('collab.send_reply')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setReplying(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="comment-actions">
          {!thread.resolved && (
            <button type="button" className="link-button" onClick={() => setReplying(true)}>
              {t('collab.reply')}
            </button>
          )}
          <button
            type="button"
            className="link-button"
            disabled={action.isPending}
            onClick={() =>
              action.mutate({ kind: thread.resolved ? 'reopen' : 'resolve', id: thread.id })
            }
          >
            {thread.resolved ? t('collab.reopen') : t('collab.resolve')}
          </button>
        </div>
      )}
      {action.isError && (
        <p className="field-error" role="alert">
          {genericErrorMessage(t, action.error)}
        </p>
      )}
    </article>
  );
}

function CommentItem({ comment, ...props }: ThreadProps & { comment: Comment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useCommentAction(props.contentId);
  const [editing, setEditing] = useState<string | null>(null);
  const own = comment.author.id === props.userId;
  const save = () => {
    if (editing === null || editing.trim() === '') return;
    action.mutate(
      { kind: 'edit', id: comment.id, body: editing },
      { onSuccess: () => setEditing(null) },
    );
  };
  return (
    <div className="comment">
      <div className="comment-head">
        <strong>{comment.author.name}</strong>
        <span className="muted">
          {formatRelative(comment.created_at, locale)}
          {comment.edited_at && ` · ${t('collab.edited')}`}
        </span>
      </div>
      {editing === null ? (
        <CommentBody body={comment.body} />
      ) : (
        <>
          <MentionTextarea
            label={t('collab.edit_label')}
            value={editing}
            onChange={setEditing}
            candidates={props.candidates}
            onSubmit={save}
            autoFocus
          />
          <div className="comment-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={action.isPending}
              onClick={save}
            >
              {t('common.save')}
            </button>
            <button type="button" className="button button-quiet" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
      {editing === null && (own || props.mayDeleteAny) && (
        <div className="comment-actions">
          {own && (
            <button type="button" className="link-button" onClick={() => setEditing(comment.body)}>
              {t('common.edit')}
            </button>
          )}
          <button type="button" className="link-button" onClick={() => props.onDelete(comment)}>
            {t('common.delete')}
          </button>
        </div>
      )}
      {action.isError && (
        <p className="field-error" role="alert">
          {genericErrorMessage(t, action.error)}
        </p>
      )}
    </div>
  );
}
