import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../components/LanguageToggle';
import { applyLanguage } from '../i18n';
import { isLanguage } from '../lib/language';

/** The frame of the pages seen before logging in: the name, a language choice, one card. */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    <div className="public">
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageToggle value={language} onChange={applyLanguage} />
      </header>
      <main className={wide ? 'public-main public-main-wide' : 'public-main'}>{children}</main>
    </div>
  );
}
