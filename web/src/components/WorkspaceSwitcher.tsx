import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Membership } from '../api/types';
import { roleLabelKey } from '../i18n/keys';
import { NewWorkspaceDialog } from '../screens/firstday/NewWorkspaceDialog';

interface WorkspaceSwitcherProps {
  memberships: Membership[];
  current: Membership;
}

/** The current workspace's name; opens a menu of the account's other workspaces. */
export function WorkspaceSwitcher({ memberships, current }: WorkspaceSwitcherProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The workspaces, then "New workspace…".
  const itemRefs = useRef<(HTMLElement | null)[]>([]);

  const currentIndex = Math.max(
    0,
    memberships.findIndex((m) => m.workspace.id === current.workspace.id),
  );

  useEffect(() => {
    if (!open) return;
    itemRefs.current[currentIndex]?.focus();
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open, currentIndex]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };

  const focusItem = (index: number) => {
    const count = memberships.length + 1;
    itemRefs.current[(index + count) % count]?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const focused = itemRefs.current.indexOf(document.activeElement as HTMLElement);
    switch (event.key) {
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      case 'ArrowDown':
        event.preventDefault();
        focusItem(focused + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusItem(focused - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusItem(0);
        break;
      case 'End':
        event.preventDefault();
        focusItem(memberships.length);
        break;
    }
  };

  return (
    <div className="switcher" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="switcher-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('shell.switch_workspace_current', { workspace: current.workspace.name })}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span className="switcher-name">{current.workspace.name}</span>
        <span className="switcher-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul
          id={menuId}
          className="menu"
          role="menu"
          aria-label={t('shell.workspaces')}
          onKeyDown={onMenuKeyDown}
        >
          {memberships.map((membership, index) => {
            const isCurrent = membership.workspace.id === current.workspace.id;
            return (
              <li key={membership.workspace.id} role="none">
                <Link
                  ref={(element) => {
                    itemRefs.current[index] = element;
                  }}
                  role="menuitemradio"
                  aria-checked={isCurrent}
                  tabIndex={-1}
                  className="menu-item"
                  to={`/w/${encodeURIComponent(membership.workspace.slug)}`}
                  onClick={() => close(false)}
                >
                  <span className="menu-item-check" aria-hidden="true">
                    {isCurrent ? '✓' : ''}
                  </span>
                  <span className="menu-item-label">{membership.workspace.name}</span>
                  <span className="menu-item-meta">{t(roleLabelKey[membership.role])}</span>
                </Link>
              </li>
            );
          })}
          <li role="none">
            <button
              ref={(element) => {
                itemRefs.current[memberships.length] = element;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              onClick={() => {
                close(false);
                setCreating(true);
              }}
            >
              <span className="menu-item-check" aria-hidden="true">
                +
              </span>
              <span className="menu-item-label">{t('first_day.new_workspace')}</span>
            </button>
          </li>
        </ul>
      )}
      <NewWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
