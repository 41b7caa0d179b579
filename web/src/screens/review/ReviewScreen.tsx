import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import {
  reviewGate,
  useAddReviewComment,
  useOpenReview,
  useReview,
  useReviewComments,
  useReviewDecision,
  useReviewEdit,
  type Review,
  type ReviewContent,
  type ReviewGate,
} from '../../api/review';
import type { FieldDef, FieldValue } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { linkLevelHintKey } from '../../i18n/keys';
import { fieldProblems, problemMessage } from '../../lib/errors';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { actionsOf } from '../../lib/sharing';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { looksLikeEmail } from '../../lib/validation';
import { FieldEditor } from '../content/FieldEditors';
import { CommentBody } from '../content/MentionTextarea';
import RichTextEditor from '../content/RichTextEditor';
import { PublicLayout } from '../PublicLayout';
import { ReviewFiles } from '../files/ReviewFiles';
import { reviewImageSources } from '../../lib/files';
import { ReviewPreviews } from './ReviewPreviews';

/**
 * /review/:secret — someone without an account opens a review link: they say who they are (and
 * the link's password), then read the text and, as the link allows, comment, edit or validate.
 */
export default function ReviewScreen() {
  const { t } = useTranslation();
  const { secret = '' } = useParams();
  const review = useReview(secret);
  useDocumentTitle(t('review.title'));

  let body: React.ReactNode;
  if (review.data) {
    body = <ReviewBody secret={secret} review={review.data} />;
  } else if (review.isPending) {
    body = <p className="muted">{t('common.loading')}</p>;
  } else {
    const gate = reviewGate(review.error);
    body = gate ? (
      <VisitorForm secret={secret} gate={gate} />
    ) : (
      <div className="card">
        <h1>{t('review.title')}</h1>
        <Alert>
          {isApiError(review.error, 404)
            ? t('review.link_closed')
            : problemMessage(t, review.error)}
        </Alert>
      </div>
    );
  }
  return (
    <PublicLayout wide>
      <div className="review">{body}</div>
    </PublicLayout>
  );
}

/** Name, e-mail and, when the link has one, its password. */
function VisitorForm({ secret, gate }: { secret: string; gate: ReviewGate }) {
  const { t } = useTranslation();
  const open = useOpenReview(secret);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; email?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('form.required');
    if (!looksLikeEmail(email.trim())) next.email = t('form.email_invalid');
    if (gate.password_required && !password) next.password = t('form.required');
    setErrors(next);
    if (next.name || next.email || next.password) return;
    open.mutate({
      name: name.trim(),
      email: email.trim(),
      ...(gate.password_required ? { password } : {}),
    });
  };

  const fromServer = Object.fromEntries(
    fieldProblems(t, open.error).map((problem) => [problem.field, problem.message]),
  );
  const failure = !open.isError
    ? null
    : isApiError(open.error, 404)
      ? gate.password_required
        ? t('review.wrong_password')
        : t('review.link_closed')
      : isApiError(open.error, 422)
        ? null
        : problemMessage(t, open.error);

  return (
    <div className="card">
      <h1>{gate.label || t('review.title')}</h1>
      <p>
        {gate.level ? t(linkLevelHintKey[gate.level]) : t('permission_edges.review_password_intro')}
      </p>
      <p className="muted">{t('review.who_intro')}</p>
      {failure && <Alert>{failure}</Alert>}
      <form className="form" noValidate onSubmit={submit}>
        <Field
          label={t('review.name')}
          value={name}
          autoComplete="name"
          autoFocus
          maxLength={100}
          error={errors.name ?? fromServer.name}
          onChange={(event) => setName(event.target.value)}
        />
        <Field
          label={t('review.email')}
          type="email"
          value={email}
          autoComplete="email"
          error={errors.email ?? fromServer.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        {gate.password_required && (
          <Field
            label={t('review.password')}
            type="password"
            value={password}
            autoComplete="current-password"
            hint={t('review.password_hint')}
            error={errors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={open.isPending}>
            {t('review.open')}
          </button>
        </div>
      </form>
    </div>
  );
}

function ReviewBody({ secret, review }: { secret: string; review: Review }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { link, visitor } = review;
  return (
    <>
      <header className="review-header">
        <p className="review-label">{link.label || link.project || t('review.title')}</p>
        <p className="muted">
          {visitor && t('review.as', { name: visitor.name, email: visitor.email })}
          {visitor && ' · '}
          {t('review.open_until', { date: formatDate(link.expires_at, locale) })}
        </p>
        <p className="field-hint">{t(linkLevelHintKey[link.level])}</p>
      </header>
      {review.contents.length === 0 ? (
        <p className="muted">{t('review.nothing')}</p>
      ) : (
        review.contents.map((content) => (
          <ReviewedContent key={content.id} secret={secret} content={content} review={review} />
        ))
      )}
    </>
  );
}

function ReviewedContent({
  secret,
  content,
  review,
}: {
  secret: string;
  content: ReviewContent;
  review: Review;
}) {
  const { t } = useTranslation();
  const actions = actionsOf(review.link.level);
  const headingId = useId();
  return (
    <article className="card review-content" aria-labelledby={headingId}>
      <p className="review-meta">
        <span className="content-type">{content.type.name}</span>
        {content.status && (
          <span className="review-status">
            <span
              className="status-dot"
              style={{ background: content.status.color }}
              aria-hidden="true"
            />
            {content.status.name}
          </span>
        )}
        <span className="muted" data-testid="review-revision">
          {t('review.revision', { revision: content.revision })}
        </span>
      </p>
      {actions.edit ? (
        <ReviewEditor secret={secret} content={content} headingId={headingId} />
      ) : (
        <ReadOnlyText secret={secret} content={content} headingId={headingId} />
      )}
      <ReviewPreviews secret={secret} content={content} review={review} />
      <ReviewFiles secret={secret} contentId={content.id} />
      {actions.validate && review.visitor && <DecisionBox secret={secret} content={content} />}
      {actions.comment && <ReviewComments secret={secret} contentId={content.id} />}
    </article>
  );
}

/** The title and every field of the content, as its type lays them out, not editable. */
function ReadOnlyText({
  secret,
  content,
  headingId,
}: {
  secret: string;
  content: ReviewContent;
  headingId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h1 id={headingId} className="review-title">
        {content.title || t('content.untitled')}
      </h1>
      {content.type.fields.map((field) => (
        <ReadOnlyField
          key={`${field.key}-${content.revision}-${content.version}`}
          field={field}
          secret={secret}
          value={content.fields[field.key] ?? null}
        />
      ))}
    </>
  );
}

function ReadOnlyField({
  field,
  secret,
  value,
}: {
  field: FieldDef;
  secret: string;
  value: FieldValue;
}) {
  const locale = useLocale();
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  let shown: React.ReactNode;
  if (field.kind === 'richtext' && typeof value === 'string') {
    shown = (
      <RichTextEditor value={reviewImageSources(value, secret)} label={field.label} readOnly />
    );
  } else if (Array.isArray(value)) {
    shown = <p className="plain-text">{value.join(', ')}</p>;
  } else if (field.kind === 'date' && typeof value === 'string') {
    shown = <p className="plain-text">{formatDate(value, locale) || value}</p>;
  } else if (field.kind === 'url' && typeof value === 'string' && /^https?:\/\//i.test(value)) {
    shown = (
      <p className="plain-text">
        <a href={value} rel="noopener noreferrer" target="_blank">
          {value}
        </a>
      </p>
    );
  } else {
    shown = <p className="plain-text">{String(value)}</p>;
  }
  return (
    <section className="review-field">
      <h2 className="review-field-label">{field.label}</h2>
      {shown}
    </section>
  );
}

/** An edit link: the title and the fields, saved on the version the visitor read. */
function ReviewEditor({
  secret,
  content,
  headingId,
}: {
  secret: string;
  content: ReviewContent;
  headingId: string;
}) {
  const { t } = useTranslation();
  const edit = useReviewEdit(secret);
  const review = useReview(secret);
  const [title, setTitle] = useState(content.title);
  const [fields, setFields] = useState<Record<string, FieldValue>>(content.fields);
  // The rich text editor hands its Markdown in when flushed, synchronously: saves read it here.
  const latestFields = useRef(content.fields);
  const setField = (key: string, value: FieldValue) => {
    latestFields.current = { ...latestFields.current, [key]: value };
    setFields(latestFields.current);
  };
  const [base, setBase] = useState(content.version);
  const [externalChange, setExternalChange] = useState(0);
  const [saved, setSaved] = useState(false);
  const flushers = useRef(new Set<() => void>());
  const registerFlusher = useCallback((flush: () => void) => {
    flushers.current.add(flush);
    return () => {
      flushers.current.delete(flush);
    };
  }, []);
  const changed =
    title !== content.title || JSON.stringify(fields) !== JSON.stringify(content.fields);

  const save = (event: FormEvent) => {
    event.preventDefault();
    flushers.current.forEach((flush) => flush());
    setSaved(false);
    edit.mutate(
      { id: content.id, base_version: base, title, fields: latestFields.current },
      {
        onSuccess: (next) => {
          setBase(next.version);
          setSaved(true);
        },
      },
    );
  };

  // The text changed meanwhile and the server could not combine the two: start from theirs.
  const reload = async () => {
    const fresh = (await review.refetch()).data?.contents.find((c) => c.id === content.id);
    if (!fresh) return;
    setTitle(fresh.title);
    latestFields.current = fresh.fields;
    setFields(fresh.fields);
    setBase(fresh.version);
    setExternalChange((n) => n + 1);
    edit.reset();
  };

  const conflict = isApiError(edit.error, 409);
  return (
    <form className="review-editor" onSubmit={save}>
      <label htmlFor={headingId} className="review-field-label">
        {t('content.title')}
      </label>
      <input
        id={headingId}
        className="title-input review-title-input"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value.replace(/\n/g, ' '));
          setSaved(false);
        }}
      />
      {content.type.fields.map((field) => (
        <FieldEditor
          key={field.key}
          field={field}
          value={fields[field.key] ?? null}
          channels={[]}
          selectedChannels={[]}
          externalChange={externalChange}
          violations={[]}
          onChange={(value) => {
            setField(field.key, value as FieldValue);
            setSaved(false);
          }}
          registerFlusher={registerFlusher}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={edit.isPending}>
          {edit.isPending ? t('save.saving') : t('review.save')}
        </button>
        <span role="status" className="muted">
          {saved && !changed ? t('review.saved') : ''}
        </span>
      </div>
      {conflict ? (
        <div className="alert alert-error" role="alert">
          {t('review.edit_conflict')}{' '}
          <button type="button" className="link-button" onClick={() => void reload()}>
            {t('review.reload')}
          </button>
        </div>
      ) : (
        edit.isError && <Alert>{problemMessage(t, edit.error)}</Alert>
      )}
    </form>
  );
}

/** Validate / Do not validate, on the revision shown; and the visitor's earlier decisions. */
function DecisionBox({ secret, content }: { secret: string; content: ReviewContent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const decide = useReviewDecision(secret);
  const review = useReview(secret);
  const [comment, setComment] = useState('');
  const [missingComment, setMissingComment] = useState(false);
  const [done, setDone] = useState<{ decision: string; revision: number } | null>(null);

  const send = (decision: 'validated' | 'not_validated') => {
    setDone(null);
    if (decision === 'not_validated' && comment.trim() === '') {
      setMissingComment(true);
      return;
    }
    setMissingComment(false);
    decide.mutate(
      {
        content_id: content.id,
        revision: content.revision,
        decision,
        comment: comment.trim(),
      },
      {
        onSuccess: (approval) => {
          setComment('');
          setDone({ decision: approval.decision, revision: approval.revision });
        },
      },
    );
  };

  const changedSince = isApiError(decide.error, 409);
  const current = isApiError(decide.error, 409) ? decide.error.extra.current_revision : undefined;
  const decisions = [...content.decisions].sort(
    (a, b) => Date.parse(b.created_at) - Date.parse(a.created_at),
  );
  return (
    <section className="review-decision" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('review.decide_title', { revision: content.revision })}</h2>
      {done ? (
        <Alert tone="info">
          {done.decision === 'approved'
            ? t('review.you_validated', { revision: done.revision })
            : t('review.you_not_validated', { revision: done.revision })}
        </Alert>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-comment`}>{t('review.comment')}</label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              maxLength={5000}
              value={comment}
              aria-describedby={`${id}-hint`}
              aria-invalid={missingComment || undefined}
              onChange={(event) => setComment(event.target.value)}
            />
            <p id={`${id}-hint`} className={missingComment ? 'field-error' : 'field-hint'}>
              {missingComment ? t('review.comment_required') : t('review.comment_hint')}
            </p>
          </div>
          <div className="decision-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={decide.isPending}
              onClick={() => send('validated')}
            >
              {t('review.validate')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={decide.isPending}
              onClick={() => send('not_validated')}
            >
              {t('review.not_validate')}
            </button>
          </div>
        </>
      )}
      {changedSince ? (
        <div className="alert alert-error" role="alert">
          {t('review.changed_since', {
            revision: content.revision,
            current: typeof current === 'number' ? current : content.revision + 1,
          })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              decide.reset();
              void review.refetch();
            }}
          >
            {t('review.reload')}
          </button>
        </div>
      ) : (
        decide.isError && <Alert>{problemMessage(t, decide.error)}</Alert>
      )}
      {decisions.length > 0 && (
        <>
          <h3 className="review-field-label">{t('review.your_decisions')}</h3>
          <ul className="review-decisions">
            {decisions.map((decision) => (
              <li key={decision.id} data-testid="review-decision">
                {decision.decision === 'approved'
                  ? t('review.you_validated', { revision: decision.revision })
                  : t('review.you_not_validated', { revision: decision.revision })}{' '}
                <span className="muted">{formatDateTime(decision.created_at, locale)}</span>
                {decision.stale && (
                  <span className="badge" title={t('review.stale_hint')}>
                    {t('approvals.stale_badge')}
                  </span>
                )}
                {decision.comment && <q className="approval-comment">{decision.comment}</q>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The threads the visitor may see, and a box to add one. */
function ReviewComments({ secret, contentId }: { secret: string; contentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const threads = useReviewComments(secret, contentId, true);
  const add = useAddReviewComment(secret, contentId);
  const [draft, setDraft] = useState('');
  const post = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    add.mutate({ body: draft.trim() }, { onSuccess: () => setDraft('') });
  };
  return (
    <section className="review-comments" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('collab.comments')}</h2>
      {threads.isError && <Alert>{problemMessage(t, threads.error)}</Alert>}
      {threads.data && threads.data.length === 0 && (
        <p className="muted">{t('collab.no_comments')}</p>
      )}
      <ul className="comment-threads">
        {(threads.data ?? []).map((thread) => (
          <li key={thread.id} className="comment">
            <p className="comment-meta">
              <strong>{thread.author.name}</strong>{' '}
              <span className="muted">{formatRelative(thread.created_at, locale)}</span>
              {thread.resolved && <span className="badge">{t('review.resolved')}</span>}
            </p>
            {thread.anchor && <blockquote>{thread.anchor.quote}</blockquote>}
            <CommentBody body={thread.body} />
            {thread.replies.length > 0 && (
              <ul className="comment-replies">
                {thread.replies.map((reply) => (
                  <li key={reply.id} className="comment">
                    <p className="comment-meta">
                      <strong>{reply.author.name}</strong>{' '}
                      <span className="muted">{formatRelative(reply.created_at, locale)}</span>
                    </p>
                    <CommentBody body={reply.body} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <form className="review-comment-form" onSubmit={post}>
        <label htmlFor={`${id}-new`}>{t('collab.new_comment')}</label>
        <textarea
          id={`${id}-new`}
          rows={3}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={draft.trim() === '' || add.isPending}
          >
            {t('collab.post')}
          </button>
        </div>
        {add.isError && <Alert>{problemMessage(t, add.error)}</Alert>}
      </form>
    </section>
  );
}
