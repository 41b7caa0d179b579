import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roles, type Invitation, type Member, type Role } from '../../api/types';
import {
  useChangeRole,
  useDeleteTeam,
  useInvitations,
  useInvite,
  useMembers,
  useRemoveMember,
  useSaveTeam,
  useTeams,
} from '../../api/members';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EditDialog } from '../../components/EditDialog';
import { Field } from '../../components/Field';
import { useLocale } from '../../i18n';
import { roleLabelKey } from '../../i18n/keys';
import { fieldProblems, genericErrorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { looksLikeEmail } from '../../lib/validation';
import { useShell } from '../AppShell';
import { PasswordLinkButton, RevokeInvitationButton } from '../firstday/MemberTools';

/** Who is in the workspace and with what role; invite by e-mail. */
export function MembersSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { me, membership } = useShell();
  const members = useMembers(slug);
  const invitations = useInvitations(slug);
  const changeRole = useChangeRole(slug);
  const remove = useRemoveMember(slug);
  const assignable = roles.filter((role) => role !== 'owner' || membership.role === 'owner');

  return (
    <div className="settings-section">
      <InviteForm slug={slug} />
      {(changeRole.isError || remove.isError) && (
        <Alert>{genericErrorMessage(t, changeRole.error ?? remove.error)}</Alert>
      )}
      <DataTable
        caption={t('settings.members')}
        columns={[
          t('settings.member_name'),
          t('settings.member_email'),
          t('settings.member_role'),
          t('settings.member_since'),
        ]}
        actions
      >
        {(members.data ?? []).map((member) => {
          const self = member.user_id === me.user.id;
          return (
            <tr key={member.user_id}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>
                <select
                  aria-label={t('settings.role_of', { name: member.name })}
                  value={member.role}
                  disabled={self || (member.role === 'owner' && membership.role !== 'owner')}
                  onChange={(event) =>
                    changeRole.mutate({
                      user_id: member.user_id,
                      role: event.target.value as Role,
                    })
                  }
                >
                  {(member.role === 'owner' ? roles : assignable).map((role) => (
                    <option key={role} value={role}>
                      {t(roleLabelKey[role])}
                    </option>
                  ))}
                </select>
              </td>
              <td>{formatDate(member.joined_at, locale)}</td>
              <td className="row-actions">
                {!self && (member.role !== 'owner' || membership.role === 'owner') && (
                  <PasswordLinkButton slug={slug} member={member} />
                )}
                {!self && (
                  <ConfirmButton
                    label={t('settings.remove')}
                    title={t('settings.remove_title', { name: member.name })}
                    body={<p>{t('settings.remove_body')}</p>}
                    busy={remove.isPending}
                    onConfirm={(done) => remove.mutate(member.user_id, { onSettled: done })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
      {(invitations.data ?? []).length > 0 && (
        <DataTable
          caption={t('settings.pending_invitations')}
          columns={[
            t('settings.member_email'),
            t('settings.member_role'),
            t('settings.invitation_expires'),
          ]}
          actions
        >
          {(invitations.data ?? []).map((invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{t(roleLabelKey[invitation.role])}</td>
              <td>{formatDate(invitation.expires_at, locale)}</td>
              <td className="row-actions">
                <RevokeInvitationButton slug={slug} invitation={invitation} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}

function InviteForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const invite = useInvite(slug);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  // What went wrong, kept as it came (said at render time, so a language switch re-says it).
  const [problem, setProblem] = useState<'email_invalid' | { error: unknown } | null>(null);
  const [result, setResult] = useState<{ member?: Member; invitation?: Invitation } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!looksLikeEmail(email)) {
      setProblem('email_invalid');
      return;
    }
    try {
      const answer = await invite.mutateAsync({ email: email.trim(), role });
      setResult(answer);
      setEmail('');
    } catch (error) {
      setProblem({ error });
    }
  };
  // The server's refusal of the address (already a member…) is said on the field.
  const problemText =
    problem === null
      ? undefined
      : problem === 'email_invalid'
        ? t('form.email_invalid')
        : (fieldProblems(t, problem.error).find((p) => p.field === 'email')?.message ??
          genericErrorMessage(t, problem.error));

  const link = result?.invitation
    ? new URL(
        result.invitation.accept_url ?? `/invite/${result.invitation.token}`,
        window.location.origin,
      ).toString()
    : '';

  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <h2>{t('settings.invite')}</h2>
      <Field
        label={t('settings.member_email')}
        type="email"
        value={email}
        error={problemText}
        onChange={(event) => setEmail(event.target.value)}
      />
      <div className="field">
        <label htmlFor="invite-role">{t('settings.member_role')}</label>
        <select
          id="invite-role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {roles
            .filter((r) => r !== 'owner')
            .map((r) => (
              <option key={r} value={r}>
                {t(roleLabelKey[r])}
              </option>
            ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={invite.isPending}>
        {t('settings.send_invite')}
      </button>
      <Dialog open={result !== null} title={t('settings.invite')} onClose={() => setResult(null)}>
        {result?.member && <p>{t('settings.member_added', { name: result.member.name })}</p>}
        {result?.invitation && (
          <>
            <p>{t('settings.invitation_created', { email: result.invitation.email })}</p>
            <CopyField label={t('settings.invitation_link')} value={link} />
          </>
        )}
      </Dialog>
    </form>
  );
}

/** Teams: named groups of members, to assign and mention together. */
export function TeamsSettings({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const teams = useTeams(slug);
  const members = useMembers(slug).data ?? [];
  const save = useSaveTeam(slug);
  const remove = useDeleteTeam(slug);
  const [editing, setEditing] = useState<{ id?: string; name: string; members: string[] } | null>(
    null,
  );
  const nameOf = (id: string) => members.find((m) => m.user_id === id)?.name ?? id;

  return (
    <div className="settings-section">
      {(save.isError || remove.isError) && (
        <Alert>{genericErrorMessage(t, save.error ?? remove.error)}</Alert>
      )}
      <div className="section-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => setEditing({ name: '', members: [] })}
        >
          {t('settings.new_team')}
        </button>
      </div>
      {(teams.data ?? []).length === 0 && <p className="muted">{t('settings.no_teams')}</p>}
      <ul className="card-list">
        {(teams.data ?? []).map((team) => (
          <li key={team.id} className="card-row">
            <div>
              <strong>{team.name}</strong>
              <p className="muted">
                {team.members.map(nameOf).join(', ') || t('settings.team_empty')}
              </p>
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setEditing({ id: team.id, name: team.name, members: team.members })}
              >
                {t('common.edit')}
              </button>
              <ConfirmButton
                label={t('common.delete')}
                title={t('settings.delete_team_title', { name: team.name })}
                body={<p>{t('settings.delete_team_body')}</p>}
                onConfirm={(done) => remove.mutate(team.id, { onSettled: done })}
              />
            </div>
          </li>
        ))}
      </ul>
      <EditDialog
        open={editing !== null}
        title={editing?.id ? t('settings.edit_team') : t('settings.new_team')}
        canSave={Boolean(editing?.name.trim()) && !save.isPending}
        onClose={() => setEditing(null)}
        onSave={() =>
          editing &&
          save.mutate(
            { ...editing, name: editing.name.trim() },
            { onSuccess: () => setEditing(null) },
          )
        }
      >
        {editing && (
          <div className="form form-tight">
            <Field
              label={t('settings.team_name')}
              value={editing.name}
              onChange={(event) => setEditing({ ...editing, name: event.target.value })}
            />
            <fieldset className="meta-group">
              <legend>{t('settings.team_members')}</legend>
              {members.map((member) => (
                <label key={member.user_id} className="checklist-item">
                  <input
                    type="checkbox"
                    checked={editing.members.includes(member.user_id)}
                    onChange={(event) =>
                      setEditing({
                        ...editing,
                        members: event.target.checked
                          ? [...editing.members, member.user_id]
                          : editing.members.filter((id) => id !== member.user_id),
                      })
                    }
                  />
                  {member.name}
                </label>
              ))}
            </fieldset>
          </div>
        )}
      </EditDialog>
    </div>
  );
}
