import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface DataTableProps {
  /** The column headers, in order. */
  columns: readonly ReactNode[];
  /**
   * A last column of row buttons, named for screen readers only: `true` says "Actions", a
   * string names it otherwise.
   */
  actions?: true | string;
  caption?: string;
  /** The caption is read by screen readers and not shown. */
  hiddenCaption?: boolean;
  className?: string;
  /** The rows: <tr>s, whose cells follow the columns. */
  children: ReactNode;
}

/** A table of the settings (members, tokens, sessions, deliveries…) with its headers. */
export function DataTable({
  columns,
  actions,
  caption,
  hiddenCaption = false,
  className = 'table',
  children,
}: DataTableProps) {
  const { t } = useTranslation();
  return (
    <table className={className}>
      {caption && (
        <caption className={hiddenCaption ? 'sr-only' : 'table-caption'}>{caption}</caption>
      )}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th scope="col" key={index}>
              {column}
            </th>
          ))}
          {actions && (
            <th scope="col">
              <span className="sr-only">{actions === true ? t('settings.actions') : actions}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
