import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { supportedLanguages } from '../lib/language';
import { SelectField } from './Field';

const nameKey = { en: 'language.en', fr: 'language.fr' } as const satisfies Record<
  Language,
  string
>;

/** A labelled choice of English or French, each named in its own language. */
export function LanguageSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={label}
      name="language"
      value={value}
      onChange={(choice) => onChange(choice === 'fr' ? 'fr' : 'en')}
    >
      {supportedLanguages.map((language) => (
        <option key={language} value={language} lang={language}>
          {t(nameKey[language])}
        </option>
      ))}
    </SelectField>
  );
}
