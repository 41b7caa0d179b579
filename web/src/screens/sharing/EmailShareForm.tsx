import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShareByEmail, type EmailShareResult } from '../../api/firstDay';
import type { ShareTarget } from '../../api/sharing';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';
import { linkLevelKey } from '../../i18n/keys';
import { problemMessage } from '../../lib/errors';
import { shareLevels, type ShareLevel } from '../../lib/sharing';
import { looksLikeEmail } from '../../lib/validation';

/**
 * Shares a content with an e-mail, in one step: a member at once, someone new as a guest (an
 * invitation whose link is shown here to pass on; the share waits for them to accept).
 */
export function EmailShareForm({ target }: { target: ShareTarget }) {
  const { t } = useTranslation();
  const id = useId();
  const share = useShareByEmail(target);
  const [email, setEmail] = useState('');
  const [level, setLevel] = useState<ShareLevel>('comment');
  const [invalid, setInvalid] = useState(false);
  const [result, setResult] = useState<{ email: string; outcome: EmailShareResult } | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const ok = looksLikeEmail(address);
    setInvalid(!ok);
    setResult(null);
    setCopied(false);
    if (!ok) return;
    share.mutate(
      { email: address, level },
      {
        onSuccess: (outcome) => {
          setResult({ email: address, outcome });
          setEmail('');
        },
      },
    );
  };

  const invitation = result?.outcome.invitation;
  return (
    <div className="email-share">
      <form className="share-form" noValidate onSubmit={submit}>
        <Field
          label={t('first_day.share_email')}
          type="email"
          value={email}
          placeholder={t('first_day.share_email_placeholder')}
          onChange={(event) => setEmail(event.target.value)}
          error={invalid ? t('form.email_invalid') : undefined}
        />
        <div className="field">
          <label htmlFor={`${id}-level`}>{t('share.level')}</label>
          <select
            id={`${id}-level`}
            value={level}
            onChange={(event) => setLevel(event.target.value as ShareLevel)}
          >
            {shareLevels.map((l) => (
              <option key={l} value={l}>
                {t(linkLevelKey[l])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={share.isPending}>
          {t('first_day.share_email_submit')}
        </button>
      </form>
      {share.isError && <Alert>{problemMessage(t, share.error)}</Alert>}
      {result && !invitation && (
        <Alert tone="info">
          {result.outcome.member_added
            ? t('first_day.share_added_guest', { email: result.email })
            : t('first_day.share_done', { email: result.email })}
        </Alert>
      )}
      {invitation && (
        <Alert tone="info">
          {invitation.accept_url ? (
            <>
              <p>{t('first_day.share_invited', { email: invitation.email })}</p>
              <div className="copy-row">
                <input
                  readOnly
                  aria-label={t('first_day.share_invitation_link')}
                  value={invitation.accept_url}
                  onFocus={(event) => event.target.select()}
                />
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    void navigator.clipboard
                      ?.writeText(invitation.accept_url ?? '')
                      .then(() => setCopied(true));
                  }}
                >
                  {copied ? t('first_day.copied') : t('first_day.copy')}
                </button>
              </div>
            </>
          ) : (
            <p>{t('first_day.share_already_invited', { email: invitation.email })}</p>
          )}
        </Alert>
      )}
    </div>
  );
}
