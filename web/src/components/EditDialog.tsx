import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './Dialog';

interface EditDialogProps {
  open: boolean;
  title: string;
  /** The form: its fields, and the save's refusal if any. */
  children: ReactNode;
  /** False while a required field is empty or the save runs. */
  canSave: boolean;
  /** The save button's words, "Save" unless the thing is being created ("Create webhook"). */
  saveLabel?: string;
  wide?: boolean;
  onSave: () => void;
  onClose: () => void;
}

/** A thing of the settings (a team, a channel, a type, a webhook) edited in a dialog. */
export function EditDialog({
  open,
  title,
  children,
  canSave,
  saveLabel,
  wide = false,
  onSave,
  onClose,
}: EditDialogProps) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      open={open}
      title={title}
      wide={wide}
      body={children}
      confirm={saveLabel ?? t('common.save')}
      disabled={!canSave}
      onConfirm={onSave}
      onClose={onClose}
    />
  );
}
