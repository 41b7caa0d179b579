import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type {
  Content,
  ContentType,
  Decision,
  MissingApproval,
  Status,
  Team,
  TeamApproval,
} from '../../api/types';
import { useApprovals, useDecide, useLock, useMoveContent } from '../../api/workflow';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { problemMessage } from '../../lib/errors';
import { formatEventTime, formatList } from '../../lib/format';
import { latestVisitorDecisions } from '../../lib/sharing';
import { validatedVersion } from '../../lib/workflow';
import { DiffView } from './RevisionDiff';
import { ProofPackLinks } from '../documents/ProofActions';
import { CoveredVariants } from './VariantLabels';

// The content page's workflow side: where the content is, who has approved which revision, and
// the lock. The server decides every move and decision; its refusals are said here in the user's
// language (lib/errors.ts turns each known problem into a catalog sentence).

/** The status, a move to any other, and a button for the usual next step. */
export function StatusControl({
  content,
  statuses,
  teams,
  canMove,
}: {
  content: Content;
  statuses: Status[];
  teams: Team[];
  canMove: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const move = useMoveContent();
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const currentId = content.status?.id ?? statuses[0]?.id ?? '';
  const index = statuses.findIndex((s) => s.id === currentId);
  const next = index >= 0 ? statuses[index + 1] : undefined;
  const teamNames = (ids: string[]) =>
    formatList(
      ids.map((team) => teams.find((one) => one.id === team)?.name ?? team),
      locale,
    );

  const moveTo = async (target: Status) => {
    setNotice(null);
    try {
      const moved = await move.mutateAsync({ id: content.id, status: target.id });
      const advisory = (moved as Content & { missing_approvals?: MissingApproval[] })
        .missing_approvals;
      if (advisory && advisory.length > 0) {
        setNotice({
          tone: 'info',
          text: t('workflow.moved_without', {
            status: target.name,
            teams: teamNames(advisory.map((m) => m.team_id)),
          }),
        });
      }
    } catch (error) {
      const missing = isApiError(error, 409) ? error.extra.missing_approvals : undefined;
      let text: string;
      if (Array.isArray(missing) && missing.length > 0) {
        const names = (missing as MissingApproval[]).map((m) => m.team_name);
        text = t('workflow.blocked', { status: target.name, teams: formatList(names, locale) });
      } else if (isApiError(error, 409) && error.extra.violations === true) {
        text = t('workflow.blocked_violations', { status: target.name });
      } else {
        text = t('workflow.failed', { reason: problemMessage(t, error, 'move') });
      }
      setNotice({ tone: 'error', text });
    }
  };

  return (
    <section className="workflow-status" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`} htmlFor={`${id}-select`} className="workflow-label">
        {t('workflow.status')}
      </label>
      <div className="status-select">
        <span
          className="status-dot"
          style={{ background: content.status?.color ?? 'transparent' }}
          aria-hidden="true"
        />
        <select
          id={`${id}-select`}
          value={currentId}
          disabled={!canMove || move.isPending}
          onChange={(event) => {
            const target = statuses.find((s) => s.id === event.target.value);
            if (target) void moveTo(target);
          }}
        >
          {statuses.map((status) => (
            <option key={status.id} value={status.id}>
              {status.name}
            </option>
          ))}
        </select>
      </div>
      {canMove && next && (
        <button
          type="button"
          className="button button-primary"
          disabled={move.isPending}
          onClick={() => void moveTo(next)}
        >
          {move.isPending ? t('workflow.moving') : t('workflow.send_to', { status: next.name })}
        </button>
      )}
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
    </section>
  );
}

/** Shown above the text while it is locked: why, by whom, since when, and unlock for those allowed. */
export function LockBanner({
  content,
  lockedBy,
  canUnlock,
}: {
  content: Content;
  lockedBy: string;
  canUnlock: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lock = useLock(content.id);
  if (!content.lock) return null;
  return (
    <div className="alert alert-info lock-banner" role="status">
      <span aria-hidden="true">🔒 </span>
      {t('workflow.locked', {
        name: lockedBy || t('workflow.someone'),
        when: content.lock.at ? formatEventTime(content.lock.at, locale) : '',
        reason: content.lock.reason,
      })}{' '}
      {canUnlock && (
        <button
          type="button"
          className="button button-quiet"
          disabled={lock.isPending}
          onClick={() => lock.mutate(null)}
        >
          {t('workflow.unlock')}
        </button>
      )}
      {lock.isError && <p className="field-error">{problemMessage(t, lock.error, 'unlock')}</p>}
    </div>
  );
}

/** "Lock the text", asking why. */
export function LockButton({ content }: { content: Content }) {
  const { t } = useTranslation();
  const lock = useLock(content.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (content.lock) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await lock.mutateAsync(reason.trim());
      setOpen(false);
      setReason('');
    } catch {
      // Said in the dialog.
    }
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setOpen(true)}>
        {t('workflow.lock')}
      </button>
      <Dialog open={open} title={t('workflow.lock_title')} onClose={() => setOpen(false)}>
        <form onSubmit={submit}>
          <Field
            label={t('workflow.lock_reason')}
            hint={t('workflow.lock_reason_hint')}
            value={reason}
            maxLength={500}
            required
            autoFocus
            error={lock.isError ? problemMessage(t, lock.error, 'lock') : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="dialog-actions">
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={lock.isPending || reason.trim() === ''}
            >
              {t('workflow.lock_submit')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

/**
 * Each team the workflow has asked: approved on revision n, changes requested, stale (with what
 * changed since) or waiting; and the decision form for the reviewers the current status asks.
 */
export function ApprovalsPanel({
  content,
  type,
  answerFor,
  teams,
  unsaved,
}: {
  content: Content;
  type: ContentType | undefined;
  /** The teams this user may answer for now. */
  answerFor: string[];
  teams: Team[];
  /** The user has edits not yet on the server: deciding waits, the revision would not be theirs. */
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const [diffOf, setDiffOf] = useState<TeamApproval | null>(null);
  return (
    <section className="approvals" aria-labelledby="approvals-title">
      <h2 id="approvals-title" className="meta-title">
        {t('approvals.title')}
      </h2>
      {content.approvals.length === 0 ? (
        <p className="muted">{t('approvals.none')}</p>
      ) : (
        <>
          <ValidatedVersion content={content} />
          <ul className="approval-list">
            {content.approvals.map((team) => (
              <TeamApprovalItem
                key={team.team_id}
                team={team}
                currentRevision={content.revision}
                variants={content.variants}
                onShowChanges={() => setDiffOf(team)}
              />
            ))}
          </ul>
        </>
      )}
      <VisitorDecisions content={content} />
      <ProofPackLinks contentId={content.id} />
      {answerFor.length > 0 && (
        <DecisionForm content={content} answerFor={answerFor} teams={teams} unsaved={unsaved} />
      )}
      {diffOf?.latest && (
        <Dialog
          open
          wide
          title={t('approvals.changes_since_title', {
            team: diffOf.team_name,
            revision: diffOf.latest.revision,
          })}
          onClose={() => setDiffOf(null)}
        >
          <DiffView
            id={content.id}
            from={diffOf.latest.revision}
            to={content.revision}
            type={type}
            layout="inline"
          />
        </Dialog>
      )}
    </section>
  );
}

/** The validated version, and whether it is still the text on screen. */
function ValidatedVersion({ content }: { content: Content }) {
  const { t } = useTranslation();
  const line = validatedVersion(content);
  const className = line.current
    ? 'validated'
    : content.validated_revision
      ? 'validated-outdated'
      : 'muted';
  return (
    <p className={className} data-testid="validated-version">
      {t(line.key, line.values)}
    </p>
  );
}

/** What people without an account decided through review links, beside the teams' approvals. */
function VisitorDecisions({ content }: { content: Content }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const approvals = useApprovals(content.id, content.content_hash);
  const decisions = latestVisitorDecisions(approvals.data?.items ?? []);
  if (decisions.length === 0) return null;
  return (
    <>
      <h3 className="workflow-label">{t('approvals.link_title')}</h3>
      <ul className="approval-list" aria-label={t('approvals.link_title')}>
        {decisions.map((decision) => {
          const values = {
            name: decision.visitor.name || decision.visitor.email,
            revision: decision.revision,
            when: formatEventTime(decision.created_at, locale),
          };
          const state = decision.stale ? 'stale' : decision.decision;
          return (
            <li
              key={decision.id}
              className={`approval-item approval-${state}`}
              data-testid="visitor-decision"
            >
              <span className="approval-team">
                {values.name}
                {decision.stale && <span className="badge">{t('approvals.stale_badge')}</span>}
              </span>
              <span className="approval-state">
                {decision.decision === 'approved'
                  ? t('approvals.link_validated', values)
                  : t('approvals.link_not_validated', values)}
              </span>
              <CoveredVariants ids={decision.covered_variants} variants={content.variants} />
              {decision.comment && <q className="approval-comment">{decision.comment}</q>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function TeamApprovalItem({
  team,
  currentRevision,
  variants,
  onShowChanges,
}: {
  team: TeamApproval;
  currentRevision: number;
  variants: Content['variants'];
  onShowChanges: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const latest = team.latest;
  const values = latest && {
    revision: latest.revision,
    name: latest.by.name,
    when: formatEventTime(latest.created_at, locale),
  };
  return (
    <li className={`approval-item approval-${team.state}`} data-testid={`approval-${team.team_id}`}>
      <span className="approval-team">
        {team.team_name}
        {team.state === 'stale' && <span className="badge">{t('approvals.stale_badge')}</span>}
      </span>
      <span className="approval-state">
        {team.state === 'waiting' || !values
          ? t('approvals.waiting')
          : team.state === 'stale'
            ? t('approvals.stale', values)
            : team.state === 'approved'
              ? t('approvals.approved', values)
              : t('approvals.changes_requested', values)}
      </span>
      {latest && <CoveredVariants ids={latest.covered_variants} variants={variants} />}
      {latest?.comment && <q className="approval-comment">{latest.comment}</q>}
      {team.state === 'stale' && latest && latest.revision !== currentRevision && (
        <button type="button" className="link-button" onClick={onShowChanges}>
          {t('approvals.changes_since')}
        </button>
      )}
    </li>
  );
}

function DecisionForm({
  content,
  answerFor,
  teams,
  unsaved,
}: {
  content: Content;
  answerFor: string[];
  teams: Team[];
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const decide = useDecide(content.id);
  const [team, setTeam] = useState(answerFor[0] ?? '');
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const chosen = answerFor.includes(team) ? team : (answerFor[0] ?? '');

  const send = async (decision: Decision) => {
    setDone(null);
    try {
      const approval = await decide.mutateAsync({
        revision: content.revision,
        decision,
        comment: comment.trim(),
        team: chosen,
      });
      setComment('');
      setDone(approval.revision);
    } catch {
      // Said below, in words.
    }
  };

  return (
    <form className="decision-form" onSubmit={(event) => event.preventDefault()}>
      <h3 className="workflow-label">
        {t('approvals.your_decision', { revision: content.revision })}
      </h3>
      {answerFor.length > 1 && (
        <div className="meta-field">
          <label htmlFor={`${id}-team`}>{t('approvals.answer_for')}</label>
          <select id={`${id}-team`} value={chosen} onChange={(e) => setTeam(e.target.value)}>
            {answerFor.map((teamId) => (
              <option key={teamId} value={teamId}>
                {teams.find((one) => one.id === teamId)?.name ?? teamId}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="meta-field">
        <label htmlFor={`${id}-comment`}>{t('approvals.comment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          maxLength={5000}
          value={comment}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setComment(event.target.value)}
        />
        <p id={`${id}-hint`} className="field-hint">
          {unsaved ? t('approvals.wait_save') : t('approvals.comment_hint')}
        </p>
      </div>
      <div className="decision-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={unsaved || decide.isPending}
          onClick={() => void send('approved')}
        >
          {t('approvals.approve')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={unsaved || decide.isPending}
          onClick={() => void send('changes_requested')}
        >
          {t('approvals.request_changes')}
        </button>
      </div>
      {decide.isError && <Alert>{problemMessage(t, decide.error, 'decide')}</Alert>}
      {done !== null && !decide.isError && (
        <Alert tone="info">{t('approvals.decided', { revision: done })}</Alert>
      )}
    </form>
  );
}
