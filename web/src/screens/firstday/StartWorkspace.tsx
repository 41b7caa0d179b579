import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NewWorkspaceDialog } from './NewWorkspaceDialog';

/** For an account in no workspace: start one of its own. */
export function StartWorkspace() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-primary" onClick={() => setOpen(true)}>
        {t('first_day.new_workspace')}
      </button>
      <NewWorkspaceDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
