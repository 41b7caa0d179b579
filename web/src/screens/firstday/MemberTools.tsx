import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberPasswordLink, useRevokeInvitation, type PasswordLink } from '../../api/firstDay';
import type { Invitation, Member } from '../../api/types';
import { Alert } from '../../components/Alert';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n';
import { problemMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

/** Makes a member a one-time link to choose a new password, shown once to pass on. */
export function PasswordLinkButton({ slug, member }: { slug: string; member: Member }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const make = useMemberPasswordLink(slug);
  const [asking, setAsking] = useState(false);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const close = () => {
    setAsking(false);
    setLink(null);
    make.reset();
  };
  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setAsking(true)}>
        {t('first_day.password_link')}
      </button>
      <Dialog
        open={asking}
        title={t('first_day.password_link_title', { name: member.name })}
        onClose={close}
        actions={
          link ? (
            <button type="button" className="button button-primary" onClick={close}>
              {t('first_day.done')}
            </button>
          ) : (
            <>
              <button type="button" className="button button-quiet" onClick={close}>
                {t('first_day.cancel')}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={make.isPending}
                onClick={() => make.mutate(member.user_id, { onSuccess: setLink })}
              >
                {t('first_day.password_link_make')}
              </button>
            </>
          )
        }
      >
        {link ? (
          <>
            <p>
              {t('first_day.password_link_made', {
                name: member.name,
                when: formatDateTime(link.expires_at, locale),
              })}
            </p>
            <CopyField
              label={t('first_day.password_link_url')}
              value={link.url}
              buttonClassName="button"
            />
          </>
        ) : (
          <>
            <p>{t('first_day.password_link_body', { name: member.name })}</p>
            {make.isError && <Alert>{problemMessage(t, make.error)}</Alert>}
          </>
        )}
      </Dialog>
    </>
  );
}

/** Revokes a pending invitation after a confirmation: its link stops working. */
export function RevokeInvitationButton({
  slug,
  invitation,
}: {
  slug: string;
  invitation: Invitation;
}) {
  const { t } = useTranslation();
  const revoke = useRevokeInvitation(slug);
  return (
    <>
      <ConfirmButton
        label={t('first_day.revoke')}
        title={t('first_day.revoke_title', { email: invitation.email })}
        body={<p>{t('first_day.revoke_body')}</p>}
        busy={revoke.isPending}
        onConfirm={(done) => revoke.mutate(invitation.id, { onSettled: done })}
      />
      {revoke.isError && <Alert>{problemMessage(t, revoke.error)}</Alert>}
    </>
  );
}
