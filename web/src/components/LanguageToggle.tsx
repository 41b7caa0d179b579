import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';

interface LanguageToggleProps {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}

/** EN | FR: two buttons, the pressed one being the language in use. */
export function LanguageToggle({ value, onChange, disabled = false }: LanguageToggleProps) {
  const { t } = useTranslation();
  const options = [
    { language: 'en', short: t('language.en_short'), name: t('language.en') },
    { language: 'fr', short: t('language.fr_short'), name: t('language.fr') },
  ] as const;
  return (
    <div className="toggle" role="group" aria-label={t('language.label')}>
      {options.map((option) => (
        <button
          key={option.language}
          type="button"
          lang={option.language}
          className="toggle-option"
          aria-pressed={value === option.language}
          aria-label={option.name}
          title={option.name}
          disabled={disabled}
          onClick={() => value !== option.language && onChange(option.language)}
        >
          {option.short}
        </button>
      ))}
    </div>
  );
}
