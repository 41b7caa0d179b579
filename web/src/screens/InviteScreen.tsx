import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError, setCsrfToken } from '../api/client';
import { meQuery } from '../api/queries';
import type { AcceptedInvitation } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { applyLanguage } from '../i18n';
import { genericErrorMessage } from '../lib/errors';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { checkPassword, passwordMaxLength, passwordMinLength } from '../lib/validation';
import { PublicLayout } from './PublicLayout';
import { InvitationSummary } from './firstday/InvitationSummary';

/** /invite/:token — someone was invited by e-mail: they choose a name and a password. */
export function InviteScreen() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('invite.title'));
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const next: typeof errors = {};
    if (!name.trim()) next.name = t('form.required');
    const check = checkPassword(password);
    if (check === 'too_short')
      next.password = t('form.password_too_short', { min: passwordMinLength });
    if (check === 'too_long')
      next.password = t('form.password_too_long', { max: passwordMaxLength });
    setErrors(next);
    if (next.name || next.password) return;
    setBusy(true);
    try {
      const result = await api.post<AcceptedInvitation>(
        `/api/v1/invitations/${encodeURIComponent(token)}/accept`,
        { name: name.trim(), password },
      );
      setCsrfToken(result.csrf_token);
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      applyLanguage(result.user.language);
      // Invited to read one content: straight to it.
      const workspace = `/w/${encodeURIComponent(result.workspace.slug)}`;
      const [only, ...more] = result.shared_contents;
      navigate(
        only && more.length === 0 ? `${workspace}/contents/${encodeURIComponent(only)}` : workspace,
        { replace: true },
      );
    } catch (error) {
      setFailure(
        isApiError(error, 404) || isApiError(error, 410)
          ? t('invite.invalid')
          : isApiError(error, 409)
            ? t('invite.already_member')
            : genericErrorMessage(t, error),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <PublicLayout>
      <div className="card">
        <h1>{t('invite.title')}</h1>
        <InvitationSummary token={token} fallback={t('invite.intro')} />
        {failure && <Alert>{failure}</Alert>}
        <form className="form" noValidate onSubmit={submit}>
          <Field
            label={t('setup.name')}
            value={name}
            autoComplete="name"
            autoFocus
            onChange={(event) => setName(event.target.value)}
            error={errors.name}
          />
          <Field
            label={t('setup.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            hint={t('setup.password_hint', { min: passwordMinLength, max: passwordMaxLength })}
            onChange={(event) => setPassword(event.target.value)}
            error={errors.password}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('invite.submit')}
            </button>
          </div>
        </form>
      </div>
    </PublicLayout>
  );
}
