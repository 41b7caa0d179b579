import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  useCreateLink,
  useLinks,
  useShare,
  useShares,
  useUnshare,
  type CreatedLink,
  type Share,
  type ShareTarget,
} from '../../api/sharing';
import type { Member, Team } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { linkLevelHintKey, linkLevelKey, roleLabelKey, shareLevelKey } from '../../i18n/keys';
import { problemMessage } from '../../lib/errors';
import {
  checkLinkForm,
  defaultLinkExpiry,
  expiryFromDateInput,
  linkExpiryBounds,
  linkLabelMax,
  linkLevels,
  linkPasswordMax,
  linkPasswordMin,
  shareLevels,
  type LinkLevel,
  type ShareLevel,
} from '../../lib/sharing';
import { EmailShareForm } from './EmailShareForm';
import { LinkList } from './LinkList';

type Tab = 'people' | 'links';

/**
 * Shares a content (or a project) with members and teams, and makes review links for people
 * without an account. Opened only by those allowed to share; a 403 says so all the same. The
 * e-mail form brings people new to the workspace, so only those who may invite see it.
 */
export function ShareDialog({
  open,
  onClose,
  target,
  title,
  members,
  teams,
  userId,
  mayInvite = false,
}: {
  open: boolean;
  onClose: () => void;
  target: ShareTarget;
  /** What is shared, for the dialog's title. */
  title: string;
  members: Member[];
  teams: Team[];
  userId: string;
  /** Whether the caller may bring someone new into the workspace (the e-mail form). */
  mayInvite?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<Tab>('people');
  const tabs: [Tab, string][] = [
    ['people', t('share.people_tab')],
    ['links', t('share.links_tab')],
  ];
  return (
    <Dialog open={open} wide title={t('share.title', { title })} onClose={onClose}>
      <div className="share-tabs" role="tablist" aria-label={t('share.sections')}>
        {tabs.map(([name, label]) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-controls={`${id}-${name}`}
            aria-selected={tab === name}
            className={tab === name ? 'share-tab share-tab-active' : 'share-tab'}
            onClick={() => setTab(name)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-${tab}`} aria-labelledby={`${id}-${tab}-tab`}>
        {tab === 'people' ? (
          <PeoplePanel
            target={target}
            members={members}
            teams={teams}
            userId={userId}
            mayInvite={mayInvite}
          />
        ) : (
          <LinksPanel target={target} />
        )}
      </div>
    </Dialog>
  );
}

function PeoplePanel({
  target,
  members,
  teams,
  userId,
  mayInvite,
}: {
  target: ShareTarget;
  members: Member[];
  teams: Team[];
  userId: string;
  mayInvite: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const shares = useShares(target);
  const share = useShare(target);
  const unshare = useUnshare(target);
  const [who, setWho] = useState('');
  const [level, setLevel] = useState<ShareLevel>('comment');

  if (shares.isError && isApiError(shares.error, 403)) {
    return <Alert tone="info">{t('share.forbidden')}</Alert>;
  }
  const list = shares.data ?? [];
  const own = list.filter((s) => target.kind === 'project' || s.project_id === null);
  const inherited = list.filter((s) => target.kind === 'content' && s.project_id !== null);
  const candidates = members.filter((m) => m.user_id !== userId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, value] = who.split(':');
    if (!value) return;
    share.mutate(kind === 'team' ? { team_id: value, level } : { user_id: value, level }, {
      onSuccess: () => setWho(''),
    });
  };

  return (
    <div className="share-panel">
      <form className="share-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-who`}>{t('share.who')}</label>
          <select id={`${id}-who`} value={who} onChange={(e) => setWho(e.target.value)}>
            <option value="">{t('share.who_placeholder')}</option>
            <optgroup label={t('share.members')}>
              {candidates.map((m) => (
                <option key={m.user_id} value={`user:${m.user_id}`}>
                  {t('share.member_option', { name: m.name, role: t(roleLabelKey[m.role]) })}
                </option>
              ))}
            </optgroup>
            {teams.length > 0 && (
              <optgroup label={t('share.teams')}>
                {teams.map((team) => (
                  <option key={team.id} value={`team:${team.id}`}>
                    {team.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <LevelSelect label={t('share.level')} value={level} onChange={setLevel} />
        <button
          type="submit"
          className="button button-primary"
          disabled={who === '' || share.isPending}
        >
          {t('share.submit')}
        </button>
      </form>
      {(share.isError || unshare.isError) && (
        <Alert>{problemMessage(t, share.error ?? unshare.error)}</Alert>
      )}
      {target.kind === 'content' && mayInvite && <EmailShareForm target={target} />}
      <h3 className="share-heading">{t('share.shared_with')}</h3>
      {shares.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : shares.isError ? (
        <Alert>{problemMessage(t, shares.error)}</Alert>
      ) : own.length === 0 ? (
        <p className="muted">{t('share.nobody')}</p>
      ) : (
        <ul className="share-list">
          {own.map((s) => (
            <ShareRow
              key={s.id}
              share={s}
              busy={share.isPending || unshare.isPending}
              onLevel={(next) =>
                share.mutate(
                  s.team
                    ? { team_id: s.team.id, level: next }
                    : { user_id: s.user!.id, level: next },
                )
              }
              onRemove={() => unshare.mutate(s.id)}
            />
          ))}
        </ul>
      )}
      {inherited.length > 0 && (
        <>
          <h3 className="share-heading">{t('share.through_project')}</h3>
          <ul className="share-list">
            {inherited.map((s) => (
              <ShareRow key={s.id} share={s} busy />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ShareRow({
  share,
  busy,
  onLevel,
  onRemove,
}: {
  share: Share;
  busy: boolean;
  onLevel?: (level: ShareLevel) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const name = share.user?.name ?? share.team?.name ?? '';
  return (
    <li className="share-row">
      <div className="share-who">
        <span className="share-name">{name}</span>
        <span className="muted">
          {share.team
            ? t('share.team')
            : share.user
              ? `${share.user.email} · ${t(roleLabelKey[share.user.role])}`
              : ''}
        </span>
      </div>
      {onLevel ? (
        <select
          aria-label={t('share.level_of', { name })}
          value={share.level}
          disabled={busy}
          onChange={(event) => onLevel(event.target.value as ShareLevel)}
        >
          {shareLevels.map((level) => (
            <option key={level} value={level}>
              {t(shareLevelKey[level])}
            </option>
          ))}
        </select>
      ) : (
        <span className="badge">{t(shareLevelKey[share.level])}</span>
      )}
      {onRemove && (
        <button
          type="button"
          className="button button-danger-quiet"
          aria-label={t('share.remove_named', { name })}
          disabled={busy}
          onClick={onRemove}
        >
          {t('share.remove')}
        </button>
      )}
    </li>
  );
}

function LevelSelect<L extends ShareLevel | LinkLevel>({
  label,
  value,
  onChange,
  levels = shareLevels as readonly string[] as readonly L[],
}: {
  label: string;
  value: L;
  onChange: (level: L) => void;
  levels?: readonly L[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as L)}>
        {levels.map((level) => (
          <option key={level} value={level}>
            {t(linkLevelKey[level])}
          </option>
        ))}
      </select>
    </div>
  );
}

function LinksPanel({ target }: { target: ShareTarget }) {
  const { t } = useTranslation();
  const links = useLinks(target);
  const create = useCreateLink(target);
  const [level, setLevel] = useState<LinkLevel>('comment');
  const [expiry, setExpiry] = useState(() => defaultLinkExpiry());
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<CreatedLink | null>(null);
  const [checked, setChecked] = useState(false);
  const bounds = linkExpiryBounds();
  const problems = checkLinkForm({ expiry, password });

  if (links.isError && isApiError(links.error, 403)) {
    return <Alert tone="info">{t('share.forbidden')}</Alert>;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (problems.length > 0) return;
    setCreated(null);
    create.mutate(
      {
        level,
        expires_at: expiryFromDateInput(expiry) ?? undefined,
        ...(password ? { password } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      },
      {
        onSuccess: (link) => {
          setCreated(link);
          setPassword('');
          setLabel('');
          setChecked(false);
        },
      },
    );
  };

  const expiryError = !checked
    ? undefined
    : problems.includes('expiry_invalid')
      ? t('links.expiry_invalid')
      : problems.includes('expiry_past')
        ? t('links.expiry_past')
        : problems.includes('expiry_too_far')
          ? t('links.expiry_too_far')
          : undefined;

  return (
    <div className="share-panel">
      {created && <CreatedLinkBox link={created} onDone={() => setCreated(null)} />}
      <form className="link-form" noValidate onSubmit={submit}>
        <LevelSelect
          label={t('links.level')}
          value={level}
          onChange={setLevel}
          levels={linkLevels}
        />
        <p className="field-hint link-level-hint">{t(linkLevelHintKey[level])}</p>
        <Field
          label={t('links.expiry')}
          type="date"
          value={expiry}
          min={bounds.min}
          max={bounds.max}
          required
          error={expiryError}
          onChange={(event) => setExpiry(event.target.value)}
        />
        <Field
          label={t('links.password')}
          type="password"
          autoComplete="new-password"
          value={password}
          maxLength={linkPasswordMax}
          hint={t('links.password_hint', { min: linkPasswordMin, max: linkPasswordMax })}
          error={
            checked && problems.includes('password')
              ? t('links.password_length', { min: linkPasswordMin, max: linkPasswordMax })
              : undefined
          }
          onChange={(event) => setPassword(event.target.value)}
        />
        <Field
          label={t('links.label')}
          value={label}
          maxLength={linkLabelMax}
          hint={t('links.label_hint')}
          onChange={(event) => setLabel(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('links.create')}
          </button>
        </div>
        {create.isError && <Alert>{problemMessage(t, create.error)}</Alert>}
      </form>
      <h3 className="share-heading">{t('links.live')}</h3>
      {links.isPending ? (
        <p className="muted">{t('common.loading')}</p>
      ) : links.isError ? (
        <Alert>{problemMessage(t, links.error)}</Alert>
      ) : (
        <LinkList links={links.data} />
      )}
    </div>
  );
}

/** The link's address, this once, with a copy button. */
function CreatedLinkBox({ link, onDone }: { link: CreatedLink; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="created-link" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('links.created_title')}</h3>
      <p>{t('links.created_once')}</p>
      <div className="created-link-row">
        <label htmlFor={`${id}-url`} className="sr-only">
          {t('links.url')}
        </label>
        <input
          id={`${id}-url`}
          readOnly
          value={link.url}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {t('links.copy')}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copied === 'yes' ? t('links.copied') : copied === 'failed' ? t('links.copy_failed') : ''}
      </p>
      <button type="button" className="link-button" onClick={onDone}>
        {t('links.created_done')}
      </button>
    </section>
  );
}
