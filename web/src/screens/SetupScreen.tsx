import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useSetup } from '../api/queries';
import type { Language } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { LanguageSelect } from '../components/LanguageSelect';
import { applyLanguage } from '../i18n';
import type { TranslationKey } from '../i18n/keys';
import { fieldProblems, problemMessage } from '../lib/errors';
import { isLanguage } from '../lib/language';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import {
  checkSetupForm,
  passwordMaxLength,
  passwordMinLength,
  type FieldCheck,
  type SetupField,
} from '../lib/validation';
import { PublicLayout } from './PublicLayout';

const checkMessageKey = {
  required: 'form.required',
  email: 'form.email_invalid',
  password_too_short: 'form.password_too_short',
  password_too_long: 'form.password_too_long',
} as const satisfies Record<FieldCheck, TranslationKey>;

const fieldOrder: SetupField[] = ['name', 'email', 'password', 'workspace_name'];

/** A problem's sentence, said in whatever language the page is in when it is shown. */
type Said = (t: TFunction) => string;

/** First run: the first account, its workspace, and the owner logged in. */
export function SetupScreen() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const setup = useSetup();
  useDocumentTitle(t('setup.title'));

  const [values, setValues] = useState<Record<SetupField, string>>({
    name: '',
    email: '',
    password: '',
    workspace_name: '',
  });
  // The workspace starts in the language the form is shown in; choosing one switches both.
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  // Problems are kept as what went wrong, and said at render time: switching the page's language
  // says them again in the new one.
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SetupField, Said>>>({});
  const [formError, setFormError] = useState<'already_set_up' | { error: unknown } | null>(null);
  const inputs = useRef<Partial<Record<SetupField, HTMLInputElement | null>>>({});

  const change = (field: SetupField) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const focusFirst = (errors: Partial<Record<SetupField, unknown>>) => {
    const first = fieldOrder.find((field) => errors[field]);
    if (first) inputs.current[first]?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const checks = checkSetupForm(values);
    const errors: Partial<Record<SetupField, Said>> = {};
    for (const field of fieldOrder) {
      const check = checks[field];
      if (check) {
        errors[field] = (say) =>
          say(checkMessageKey[check], { min: passwordMinLength, max: passwordMaxLength });
      }
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirst(errors);
      return;
    }
    try {
      const result = await setup.mutateAsync({
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        workspace_name: values.workspace_name.trim(),
        language,
      });
      applyLanguage(result.user.language);
      navigate(`/w/${encodeURIComponent(result.workspace.slug)}`, { replace: true });
    } catch (error) {
      if (isApiError(error, 409)) {
        setFormError('already_set_up');
      } else if (isApiError(error, 422) || isApiError(error, 400)) {
        // A rule the form could not check itself (an e-mail already used…), on its field.
        const named: Partial<Record<SetupField, Said>> = {};
        fieldProblems(t, error).forEach((problem, index) => {
          const field = fieldOrder.find((one) => one === problem.path);
          if (field && !named[field]) {
            named[field] = (say) => fieldProblems(say, error)[index]!.message;
          }
        });
        setFieldErrors(named);
        if (Object.keys(named).length > 0) focusFirst(named);
        else setFormError({ error });
      } else {
        setFormError({ error });
      }
    }
  };

  const fieldProps = (field: SetupField) => ({
    name: field,
    value: values[field],
    onChange: change(field),
    error: fieldErrors[field]?.(t),
    inputRef: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
  });

  return (
    <PublicLayout wide>
      <div className="card">
        <h1>{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        {formError === 'already_set_up' ? (
          <Alert>
            {t('setup.already_done')} <Link to="/login">{t('setup.go_to_login')}</Link>
          </Alert>
        ) : (
          formError && <Alert>{problemMessage(t, formError.error)}</Alert>
        )}
        <form className="form" noValidate onSubmit={onSubmit}>
          <fieldset className="form-section">
            <legend>{t('setup.you')}</legend>
            <Field label={t('setup.name')} autoComplete="name" autoFocus {...fieldProps('name')} />
            <Field
              label={t('setup.email')}
              type="email"
              autoComplete="email"
              {...fieldProps('email')}
            />
            <Field
              label={t('setup.password')}
              type="password"
              autoComplete="new-password"
              hint={t('setup.password_hint', { min: passwordMinLength, max: passwordMaxLength })}
              {...fieldProps('password')}
            />
          </fieldset>
          <fieldset className="form-section">
            <legend>{t('setup.workspace')}</legend>
            <Field
              label={t('setup.workspace_name')}
              autoComplete="organization"
              hint={t('setup.workspace_name_hint')}
              {...fieldProps('workspace_name')}
            />
            <LanguageSelect label={t('setup.language')} value={language} onChange={applyLanguage} />
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={setup.isPending}>
              {setup.isPending ? t('setup.submitting') : t('setup.submit')}
            </button>
          </div>
        </form>
      </div>
    </PublicLayout>
  );
}
