import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useLogin } from '../api/queries';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { applyLanguage, useLocale } from '../i18n';
import { genericErrorMessage } from '../lib/errors';
import { formatDelay } from '../lib/format';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { PublicLayout } from './PublicLayout';
import { returnPath } from './returnPath';

export function LoginScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  useDocumentTitle(t('login.title'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const nowMissing = { email: email.trim() === '', password: password === '' };
    setMissing(nowMissing);
    if (nowMissing.email) return emailRef.current?.focus();
    if (nowMissing.password) return passwordRef.current?.focus();
    try {
      const result = await login.mutateAsync({ email: email.trim(), password });
      applyLanguage(result.user.language);
      navigate(returnPath(location.state), { replace: true });
    } catch (error) {
      setFailure(error);
      if (isApiError(error, 401)) passwordRef.current?.select();
    }
  };

  let failureMessage: string | null = null;
  if (failure !== null) {
    if (isApiError(failure, 401)) failureMessage = t('login.wrong_credentials');
    else if (isApiError(failure, 429))
      failureMessage =
        failure.retryAfterSeconds === null
          ? t('login.too_many_attempts_later')
          : t('login.too_many_attempts', { when: formatDelay(failure.retryAfterSeconds, locale) });
    else failureMessage = genericErrorMessage(t, failure);
  }

  return (
    <PublicLayout>
      <div className="card">
        <h1>{t('login.title')}</h1>
        {failureMessage && <Alert>{failureMessage}</Alert>}
        <form className="form" noValidate onSubmit={onSubmit}>
          <Field
            label={t('login.email')}
            name="email"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={missing.email ? t('form.required') : undefined}
            inputRef={emailRef}
          />
          <Field
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={missing.password ? t('form.required') : undefined}
            inputRef={passwordRef}
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={login.isPending}>
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </button>
          </div>
        </form>
        <p>
          <Link to="/forgot-password">{t('first_day.forgot_link')}</Link>
        </p>
      </div>
    </PublicLayout>
  );
}
