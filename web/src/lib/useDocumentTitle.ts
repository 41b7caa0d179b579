import { useEffect } from 'react';

/** "Log in · copydesk": the page's own name first, as tabs and screen readers show it. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · copydesk` : 'copydesk';
  }, [title]);
}
