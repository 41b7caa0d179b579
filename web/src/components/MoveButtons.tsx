import { useTranslation } from 'react-i18next';

interface MoveButtonsProps {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  /** The buttons' names, "Move up" and "Move down" unless a row names itself. */
  upLabel?: string;
  downLabel?: string;
}

/** ↑ and ↓: a row of an ordered list (fields, tasks, statuses) moves one place. */
export function MoveButtons({ index, count, onMove, upLabel, downLabel }: MoveButtonsProps) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={upLabel ?? t('settings.move_up')}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={downLabel ?? t('settings.move_down')}
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </button>
    </>
  );
}
