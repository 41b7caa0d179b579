import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog } from './Dialog';

interface ConfirmButtonProps {
  /** The button's words ("Delete", "Remove", "Revoke"), also on the dialog's button by default. */
  label: string;
  /** The button's name when its words alone are ambiguous in a list ("Delete Politics"). */
  ariaLabel?: string;
  className?: string;
  title: string;
  body: ReactNode;
  /** The dialog's button, when its words differ from the button's. */
  confirm?: string;
  busy?: boolean;
  /** Runs the action; `done` closes the dialog (once it succeeded, or settled, as it prefers). */
  onConfirm: (done: () => void) => void;
}

/**
 * A button that asks before it acts: delete, remove, revoke. The dialog opens over the page,
 * outside the row that holds the button, so the row's styles never reach it.
 */
export function ConfirmButton({
  label,
  ariaLabel,
  className = 'button button-danger-quiet',
  title,
  body,
  confirm,
  busy = false,
  onConfirm,
}: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const done = () => setAsking(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
      {asking &&
        createPortal(
          <ConfirmDialog
            open
            title={title}
            body={body}
            confirm={confirm ?? label}
            danger
            busy={busy}
            onClose={done}
            onConfirm={() => onConfirm(done)}
          />,
          document.body,
        )}
    </>
  );
}
