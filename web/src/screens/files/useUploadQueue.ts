import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { TFunction } from 'i18next';
import { isApiError, type UploadOptions } from '../../api/client';
import { genericErrorMessage } from '../../lib/errors';
import { nextUploads, uploadsToStart, type Upload } from '../../lib/files';

// The uploads of one drop zone: each file its own request and progress bar, two at a time, each
// one cancellable, and a failed one retried with the same file.

const parallel = 2;
let counter = 0;

export interface UploadQueue {
  uploads: Upload[];
  add: (files: Iterable<File>) => void;
  cancel: (key: string) => void;
  retry: (key: string) => void;
  dismiss: (key: string) => void;
}

/**
 * `send` sends one file (with the options that report its progress and cancel it); `onSent`
 * runs after each success, with its answer.
 */
export function useUploadQueue<T>(
  send: (file: File, options: UploadOptions) => Promise<T>,
  onSent?: (answer: T, file: File) => void,
): UploadQueue {
  const [uploads, dispatch] = useReducer(nextUploads, []);
  const files = useRef(new Map<string, File>());
  const controllers = useRef(new Map<string, AbortController>());
  const sendRef = useRef(send);
  sendRef.current = send;
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  useEffect(() => {
    for (const key of uploadsToStart(uploads, parallel)) {
      const file = files.current.get(key);
      if (!file || controllers.current.has(key)) continue;
      const controller = new AbortController();
      controllers.current.set(key, controller);
      dispatch({ kind: 'start', key });
      sendRef
        .current(file, {
          signal: controller.signal,
          onProgress: ({ loaded }) => dispatch({ kind: 'progress', key, loaded }),
        })
        .then(
          (answer) => {
            dispatch({ kind: 'done', key });
            files.current.delete(key);
            onSentRef.current?.(answer, file);
          },
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return;
            dispatch({ kind: 'failed', key, error });
          },
        )
        .finally(() => controllers.current.delete(key));
    }
  }, [uploads]);

  // Leaving the page stops what is still going out: the server keeps nothing of a cut upload.
  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const add = useCallback((chosen: Iterable<File>) => {
    const added = [...chosen].map((file) => {
      counter += 1;
      const key = `upload-${counter}`;
      files.current.set(key, file);
      return { key, name: file.name, size: file.size };
    });
    if (added.length > 0) dispatch({ kind: 'add', uploads: added });
  }, []);
  const cancel = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    dispatch({ kind: 'cancelled', key });
  }, []);
  const retry = useCallback((key: string) => dispatch({ kind: 'retry', key }), []);
  const dismiss = useCallback((key: string) => {
    files.current.delete(key);
    dispatch({ kind: 'dismiss', key });
  }, []);
  return { uploads, add, cancel, retry, dismiss };
}

/** Why an upload was refused, in the reader's language. */
export function uploadErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error, 413)) return t('files.error_too_large');
  if (isApiError(error, 415)) return t('files.error_type');
  // An empty file is the one refusal about the bytes themselves (a bad name is said by the
  // problem's own field, below).
  if (isApiError(error, 422) && 'file' in error.fieldErrors()) return t('files.error_empty');
  return genericErrorMessage(t, error);
}
