import 'i18next';
import type en from './en.json';

// Typed keys: `t('no.such.key')` fails `tsc`, the English catalog being the reference.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
