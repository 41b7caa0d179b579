import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { meQuery } from '../../api/queries';
import type { Workspace } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { problemMessage } from '../../lib/errors';

/** Starts a new workspace, whose owner the person becomes, and opens it. */
export function NewWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setName('');
    setMissing(false);
    setFailure(null);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setMissing(!name.trim());
    if (!name.trim()) return;
    setBusy(true);
    try {
      const language = i18n.language === 'fr' ? 'fr' : 'en';
      const created = await api.post<Workspace>('/api/v1/workspaces', {
        name: name.trim(),
        language,
      });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      close();
      navigate(`/w/${encodeURIComponent(created.slug)}`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} title={t('first_day.new_workspace_title')} onClose={close}>
      <form className="form" noValidate onSubmit={submit}>
        <p className="muted">{t('first_day.new_workspace_intro')}</p>
        {failure !== null && <Alert>{problemMessage(t, failure)}</Alert>}
        <Field
          label={t('first_day.new_workspace_name')}
          value={name}
          autoFocus
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          error={missing ? t('form.required') : undefined}
        />
        <div className="form-actions">
          <button type="button" className="button button-quiet" onClick={close}>
            {t('first_day.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('first_day.new_workspace_submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
