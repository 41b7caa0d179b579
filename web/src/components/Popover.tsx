import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The button's content. */
  label: ReactNode;
  /** The button's accessible name, when its content is not enough. */
  ariaLabel?: string;
  /** The panel's accessible name. */
  title: string;
  active?: boolean;
  children: (close: () => void) => ReactNode;
  align?: 'start' | 'end';
}

/**
 * A button that opens a small non-modal panel below it (a filter, a picker). Escape or a click
 * outside closes it, and focus returns to the button.
 */
export function Popover({
  label,
  ariaLabel,
  title,
  active = false,
  children,
  align = 'start',
}: PopoverProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const first = panelRef.current?.querySelector<HTMLElement>(
      'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])',
    );
    first?.focus();
    const onDown = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    // A panel with nothing to focus in it (no notifications yet) still closes with Escape.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || panelRef.current?.contains(event.target as Node)) return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <div className="popover" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={active ? 'chip chip-active' : 'chip'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span aria-hidden="true" className="chip-caret">
          ▾
        </span>
      </button>
      {open && (
        <div
          ref={panelRef}
          id={panelId}
          role="dialog"
          aria-label={title}
          className={align === 'end' ? 'popover-panel popover-end' : 'popover-panel'}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              close();
            }
          }}
        >
          {children(close)}
        </div>
      )}
    </div>
  );
}
