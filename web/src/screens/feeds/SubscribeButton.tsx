import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateFeed, webcalUrl, type CreatedFeed, type FeedTarget } from '../../api/feeds';
import { Alert } from '../../components/Alert';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
import { genericErrorMessage } from '../../lib/errors';

/** "Subscribe in your calendar app": a button opening the dialog below. */
export function SubscribeButton({
  target,
  className = 'button button-quiet',
}: {
  target: FeedTarget;
  className?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setOpen(true)}>
        {t('feeds.subscribe')}
      </button>
      {open && <SubscribeDialog target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Makes a calendar feed of `target` when asked, and shows its URL once, to copy or to open as a
 * webcal:// link.
 */
export function SubscribeDialog({ target, onClose }: { target: FeedTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const create = useCreateFeed();
  return (
    <Dialog
      open
      title={t('feeds.dialog_title')}
      onClose={onClose}
      actions={
        created ? (
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('feeds.done')}
          </button>
        ) : (
          <>
            <button type="button" className="button button-quiet" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={create.isPending}
              onClick={async () => {
                try {
                  setCreated(await create.mutateAsync(target));
                } catch {
                  // Shown in the dialog.
                }
              }}
            >
              {t('feeds.create')}
            </button>
          </>
        )
      }
    >
      {create.isError && <Alert>{genericErrorMessage(t, create.error)}</Alert>}
      {created ? (
        <>
          <p>{t('feeds.once')}</p>
          <CopyField label={t('feeds.url')} value={created.url} />
          <p>
            <a href={webcalUrl(created.url)}>{t('feeds.open_webcal')}</a>
          </p>
          <p className="muted">{t('feeds.apps_hint')}</p>
        </>
      ) : (
        <>
          <p>{t(`feeds.intro_${target.kind}`)}</p>
          <p className="muted">{t('feeds.access_hint')}</p>
        </>
      )}
    </Dialog>
  );
}
