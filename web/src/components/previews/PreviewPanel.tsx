import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '../../lib/useMediaQuery';
import { networkNameKey } from '../../i18n/keys';
import { NetworkPreview } from './NetworkPreview';
import type { PreviewData, PreviewPage } from './types';

/**
 * Every variant as its network will show it, side by side (stacked on a phone), in light or dark:
 * the system's choice until someone picks one here.
 */
export function PreviewPanel({ items, page }: { items: PreviewData[]; page: PreviewPage }) {
  const { t } = useTranslation();
  const id = useId();
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [chosen, setChosen] = useState<'light' | 'dark' | null>(null);
  const theme = chosen ?? (systemDark ? 'dark' : 'light');
  if (items.length === 0) return null;
  return (
    <section className="preview-panel" aria-labelledby={`${id}-title`}>
      <div className="preview-panel-head">
        <h3 id={`${id}-title`}>{t('variants.previews')}</h3>
        <div className="preview-theme" role="group" aria-label={t('variants.theme')}>
          {(['light', 'dark'] as const).map((one) => (
            <button
              key={one}
              type="button"
              className="button button-quiet"
              aria-pressed={theme === one}
              onClick={() => setChosen(one)}
            >
              {one === 'light' ? t('variants.theme_light') : t('variants.theme_dark')}
            </button>
          ))}
        </div>
      </div>
      <p className="field-hint">{t('variants.previews_hint')}</p>
      <div className="preview-grid">
        {items.map((item) => (
          <figure
            key={item.channelId}
            className={`preview preview-${item.network}`}
            data-theme={theme}
            data-testid={`preview-${item.network}`}
          >
            <figcaption>
              {item.channelName === t(networkNameKey[item.network])
                ? item.channelName
                : t('variants.caption', {
                    channel: item.channelName,
                    network: t(networkNameKey[item.network]),
                  })}
            </figcaption>
            <div className="preview-frame">
              <NetworkPreview data={item} page={page} />
            </div>
          </figure>
        ))}
      </div>
    </section>
  );
}
