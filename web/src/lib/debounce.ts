import { useEffect, useState } from 'react';

/**
 * Calls `run` with the last value given, once `ms` pass without a newer one: typing "chaud"
 * asks once, for "chaud", not five times.
 */
export function debounce<T>(ms: number, run: (value: T) => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  return {
    push(value: T) {
      cancel();
      timer = setTimeout(() => {
        timer = null;
        run(value);
      }, ms);
    },
    cancel,
  };
}

/** The value as it was `ms` ago, once it stopped changing; an empty one follows at once. */
export function useDebouncedValue<T>(value: T, ms: number, immediate?: (value: T) => boolean): T {
  const [settled, setSettled] = useState(value);
  const now = immediate?.(value) ?? false;
  useEffect(() => {
    if (now) {
      setSettled(value);
      return undefined;
    }
    const debounced = debounce(ms, setSettled);
    debounced.push(value);
    return debounced.cancel;
  }, [value, ms, now]);
  return now ? value : settled;
}
