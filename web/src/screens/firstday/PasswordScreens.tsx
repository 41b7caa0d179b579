import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError, setCsrfToken } from '../../api/client';
import {
  useCompletePasswordReset,
  useForgotPassword,
  usePasswordReset,
  usePasswordResetMode,
} from '../../api/firstDay';
import { meQuery } from '../../api/queries';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { applyLanguage, useLocale } from '../../i18n';
import { genericErrorMessage } from '../../lib/errors';
import { formatDelay } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import {
  checkPassword,
  looksLikeEmail,
  passwordMaxLength,
  passwordMinLength,
} from '../../lib/validation';
import { PublicLayout } from '../PublicLayout';

/** /forgot-password: an e-mailed link when the server sends e-mail; otherwise, ask an admin. */
export function ForgotPasswordScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('first_day.forgot_title'));
  const setup = usePasswordResetMode();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ok = looksLikeEmail(email.trim());
    setInvalid(!ok);
    if (ok) forgot.mutate(email.trim());
  };

  let body;
  if (setup.isPending) {
    body = <p className="muted">{t('common.loading')}</p>;
  } else if (setup.data?.password_reset !== 'email') {
    body = <p>{t('first_day.forgot_ask_admin')}</p>;
  } else if (forgot.isSuccess) {
    body = <Alert tone="info">{t('first_day.forgot_sent', { email: email.trim() })}</Alert>;
  } else {
    const failure = forgot.error;
    body = (
      <>
        <p>{t('first_day.forgot_intro')}</p>
        {failure && (
          <Alert>
            {isApiError(failure, 429)
              ? failure.retryAfterSeconds === null
                ? t('login.too_many_attempts_later')
                : t('first_day.forgot_too_many', {
                    when: formatDelay(failure.retryAfterSeconds, locale),
                  })
              : isApiError(failure, 409)
                ? t('first_day.forgot_ask_admin')
                : genericErrorMessage(t, failure)}
          </Alert>
        )}
        <form className="form" noValidate onSubmit={submit}>
          <Field
            label={t('login.email')}
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={invalid ? t('form.email_invalid') : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={forgot.isPending}>
              {t('first_day.forgot_submit')}
            </button>
          </div>
        </form>
      </>
    );
  }
  return (
    <PublicLayout>
      <div className="card">
        <h1>{t('first_day.forgot_title')}</h1>
        {body}
        <p>
          <Link to="/login">{t('first_day.back_to_login')}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}

/** /reset-password/:token — the link from the e-mail, or the one an admin passed on. */
export function ResetPasswordScreen() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t('first_day.reset_title'));
  const reset = usePasswordReset(token);
  const complete = useCompletePasswordReset(token);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkPassword(password);
    const problem =
      check === 'too_short'
        ? t('form.password_too_short', { min: passwordMinLength })
        : check === 'too_long'
          ? t('form.password_too_long', { max: passwordMaxLength })
          : undefined;
    setError(problem);
    if (problem) return;
    try {
      const result = await complete.mutateAsync(password);
      setCsrfToken(result.csrf_token);
      applyLanguage(result.user.language);
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      navigate('/', { replace: true });
    } catch {
      // Shown below from the mutation's error.
    }
  };

  const gone =
    (reset.isError && isApiError(reset.error, 404)) ||
    (complete.isError && isApiError(complete.error, 404));
  return (
    <PublicLayout>
      <div className="card">
        <h1>{t('first_day.reset_title')}</h1>
        {reset.isPending ? (
          <p className="muted">{t('common.loading')}</p>
        ) : gone ? (
          <>
            <Alert>{t('first_day.reset_invalid')}</Alert>
            <p>
              <Link to="/forgot-password">{t('first_day.reset_ask_again')}</Link>
            </p>
          </>
        ) : reset.isError ? (
          <Alert>{genericErrorMessage(t, reset.error)}</Alert>
        ) : (
          <>
            <p>{t('first_day.reset_intro', { email: reset.data.email })}</p>
            {complete.isError && <Alert>{genericErrorMessage(t, complete.error)}</Alert>}
            <form className="form" noValidate onSubmit={submit}>
              <Field
                label={t('first_day.reset_password')}
                type="password"
                autoComplete="new-password"
                autoFocus
                value={password}
                hint={t('setup.password_hint', { min: passwordMinLength, max: passwordMaxLength })}
                onChange={(event) => setPassword(event.target.value)}
                error={error}
              />
              <div className="form-actions">
                <button
                  type="submit"
                  className="button button-primary"
                  disabled={complete.isPending}
                >
                  {t('first_day.reset_submit')}
                </button>
              </div>
            </form>
          </>
        )}
      </div>
    </PublicLayout>
  );
}
