import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../api/types';
import { networkNameKey } from '../../i18n/keys';
import { isNetwork, networks } from '../../lib/variants';

/** Which network's rules a channel's variants follow (issue 20), or none. */
export function NetworkPicker({
  value,
  onChange,
}: {
  value: Network | null;
  onChange: (network: Network | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('variants.network')}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(isNetwork(event.target.value) ? event.target.value : null)}
      >
        <option value="">{t('variants.network_none')}</option>
        {networks.map((network) => (
          <option key={network} value={network}>
            {t(networkNameKey[network])}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        {t('variants.network_hint')}
      </p>
    </div>
  );
}
