import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** The sentence for an error no screen has a better word for. */
export function genericErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    if (error.status >= 500) return t('errors.server');
  }
  return t('errors.unexpected');
}
