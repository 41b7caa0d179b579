import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdateMe } from '../../api/queries';
import type { ApiToken, Language } from '../../api/types';
import {
  useChangePassword,
  useCreateToken,
  useRevokeSession,
  useRevokeToken,
  useSessions,
  useTokens,
} from '../../api/account';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { LanguageSelect } from '../../components/LanguageSelect';
import { applyLanguage, useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { checkPassword, passwordMaxLength, passwordMinLength } from '../../lib/validation';
import { useShell } from '../AppShell';
import { NotificationSettings } from './NotificationSettings';
import { TimeZoneSettings } from './TimeZoneSettings';
import { CalendarSubscriptions } from '../feeds/CalendarSubscriptions';

/** The account: name, language, password, notifications, where it is logged in, API tokens. */
export default function AccountScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('account.title'));
  return (
    <section className="page">
      <h1>{t('account.title')}</h1>
      <Profile />
      <TimeZoneSettings />
      <Password />
      <NotificationSettings />
      <Sessions />
      <Tokens />
      <CalendarSubscriptions />
    </section>
  );
}

function Profile() {
  const { t } = useTranslation();
  const { me } = useShell();
  const update = useUpdateMe();
  const [name, setName] = useState(me.user.name);
  const [language, setLanguage] = useState<Language>(me.user.language);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (!name.trim()) return;
    try {
      await update.mutateAsync({ name: name.trim(), language });
      applyLanguage(language);
      setDone(true);
    } catch {
      // Shown below.
    }
  };
  return (
    <form
      className="form account-section"
      noValidate
      onSubmit={submit}
      aria-labelledby="profile-title"
    >
      <h2 id="profile-title">{t('account.profile')}</h2>
      {update.isError && <Alert>{genericErrorMessage(t, update.error)}</Alert>}
      {done && <Alert tone="info">{t('settings.saved')}</Alert>}
      <Field
        label={t('account.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={name.trim() ? undefined : t('form.required')}
      />
      <Field label={t('account.email')} value={me.user.email} readOnly disabled />
      <LanguageSelect label={t('account.language')} value={language} onChange={setLanguage} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function Password() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setProblem(null);
    const check = checkPassword(next);
    if (check === 'too_short')
      return setProblem(t('form.password_too_short', { min: passwordMinLength }));
    if (check === 'too_long')
      return setProblem(t('form.password_too_long', { max: passwordMaxLength }));
    try {
      await change.mutateAsync({ current_password: current, new_password: next });
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (error) {
      if (
        isApiError(error, 401) ||
        isApiError(error, 403) ||
        isApiError(error, 400) ||
        isApiError(error, 422)
      ) {
        const fields = error.fieldErrors();
        setProblem(
          fields.current_password
            ? t('account.wrong_password')
            : (fields.new_password ?? t('account.wrong_password')),
        );
      } else setProblem(genericErrorMessage(t, error));
    }
  };
  return (
    <form
      className="form account-section"
      noValidate
      onSubmit={submit}
      aria-labelledby="password-title"
    >
      <h2 id="password-title">{t('account.password')}</h2>
      <p className="muted">{t('permission_edges.password_ends_tokens')}</p>
      {done && <Alert tone="info">{t('account.password_changed')}</Alert>}
      {problem && <Alert>{problem}</Alert>}
      <Field
        label={t('account.current_password')}
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={(event) => setCurrent(event.target.value)}
      />
      <Field
        label={t('account.new_password')}
        type="password"
        autoComplete="new-password"
        hint={t('setup.password_hint', { min: passwordMinLength, max: passwordMaxLength })}
        value={next}
        onChange={(event) => setNext(event.target.value)}
      />
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={change.isPending || !current || !next}
        >
          {t('account.change_password')}
        </button>
      </div>
    </form>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <section className="account-section" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessions')}</h2>
      <p className="muted">{t('account.sessions_intro')}</p>
      {revoke.isError && <Alert>{genericErrorMessage(t, revoke.error)}</Alert>}
      <DataTable columns={[t('account.device'), t('account.last_seen'), t('account.ip')]} actions>
        {(sessions.data ?? []).map((session) => (
          <tr key={session.id}>
            <td className="cell-ua">
              {session.user_agent || t('account.unknown_device')}
              {session.current && (
                <span className="badge badge-current">{t('account.this_device')}</span>
              )}
            </td>
            <td>{formatDateTime(session.last_seen_at, locale)}</td>
            <td>{session.ip}</td>
            <td className="row-actions">
              {!session.current && (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => revoke.mutate(session.id)}
                >
                  {t('account.log_out_session')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Tokens() {
  const { t } = useTranslation();
  const locale = useLocale();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      setCreated(await create.mutateAsync(name.trim()));
      setName('');
    } catch {
      // Shown below.
    }
  };
  return (
    <section className="account-section" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('account.tokens')}</h2>
      <p className="muted">{t('account.tokens_intro')}</p>
      <p className="muted">{t('permission_edges.tokens_end_with_password')}</p>
      {(create.isError || revoke.isError) && (
        <Alert>{genericErrorMessage(t, create.error ?? revoke.error)}</Alert>
      )}
      {(tokens.data ?? []).length > 0 && (
        <DataTable
          columns={[t('account.token_name'), t('account.created'), t('account.last_used')]}
          actions
        >
          {(tokens.data ?? []).map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{formatDateTime(token.created_at, locale)}</td>
              <td>
                {token.last_used_at
                  ? formatDateTime(token.last_used_at, locale)
                  : t('account.never')}
              </td>
              <td className="row-actions">
                <ConfirmButton
                  label={t('account.revoke')}
                  title={t('account.revoke_title', { name: token.name })}
                  body={<p>{t('account.revoke_body')}</p>}
                  onConfirm={(done) => revoke.mutate(token.id, { onSettled: done })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <form className="inline-form" noValidate onSubmit={submit}>
        <Field
          label={t('account.token_name')}
          hint={t('account.token_name_hint')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || !name.trim()}
        >
          {t('account.create_token')}
        </button>
      </form>
      <Dialog
        open={created !== null}
        title={t('account.token_created')}
        onClose={() => setCreated(null)}
      >
        <p>{t('account.token_once')}</p>
        <CopyField label={t('account.token')} value={created?.token ?? ''} />
      </Dialog>
    </section>
  );
}
