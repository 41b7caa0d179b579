import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';
import type { Conflict, Content } from '../../api/types';
import { contentKeys, patchContent } from '../../api/contents';
import { api } from '../../api/client';
import { applyDraft, drafts } from '../../content/drafts';
import {
  changedKeys,
  conflictKey,
  reconcile,
  same,
  toPatch,
  valuesOf,
  type Values,
} from '../../content/sync';

// The content page's memory: what the user has on screen, what the server last acknowledged,
// and the autosave loop between them. Every change is written to the device's draft store at
// once and sent a moment after typing stops; the draft is cleared only by the server's answer.

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'offline' }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

export interface OpenConflict {
  key: string;
  /** The other person's value (what the server has now). */
  theirs: unknown;
  /** What this user has. */
  mine: unknown;
}

const autosaveDelay = 1000;
const retryDelays = [2000, 5000, 10000, 20000, 30000];

export function useContentSync(
  initial: Content,
  userId: string,
  /** False for a value the server would refuse (a half-typed URL): it waits on the device. */
  canSend: (key: string, value: unknown) => boolean = () => true,
) {
  const queryClient = useQueryClient();
  const canSendRef = useRef(canSend);
  canSendRef.current = canSend;
  const id = initial.id;
  // Drafts are per account: someone else logging in on this browser never sends them.
  const draftKey = `${userId}/${id}`;

  const [opened] = useState(() => {
    const server = valuesOf(initial);
    return { server, ...applyDraft(server, initial.version, drafts.get(draftKey)) };
  });
  const base = useRef({ version: opened.version, values: opened.base });
  const localRef = useRef<Values>(opened.local);
  const [local, setLocal] = useState<Values>(opened.local);
  const [content, setContent] = useState<Content>(initial);
  const [state, setState] = useState<SaveState>(() =>
    opened.restored ? { kind: 'pending' } : { kind: 'saved' },
  );
  const [conflicts, setConflicts] = useState<OpenConflict[]>([]);
  const [restoredDraft] = useState(opened.restored);
  const [mergedNotice, setMergedNotice] = useState(false);
  /** Bumped when the server's text replaces what an editor shows, so editors reload it. */
  const [externalChange, setExternalChange] = useState(0);

  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const conflictOpen = useRef(false);
  const flushers = useRef(new Set<() => void>());

  /** Asks the editors that batch their output (rich text) to hand in what they have now. */
  const flush = useCallback(() => {
    for (const flusher of flushers.current) flusher();
  }, []);

  // While a conflict waits for the user, the draft keeps the edits against the version they were
  // written on: a reload sends them against it again, so the server shows the conflict again
  // instead of taking them as if the other person's text had been seen.
  const conflictBase = useRef<{ version: number; values: Values } | null>(null);

  const keepDraft = useCallback(() => {
    const from = conflictBase.current ?? base.current;
    drafts.save(draftKey, from.version, from.values, localRef.current);
  }, [draftKey]);

  const publish = useCallback((values: Values) => {
    localRef.current = values;
    setLocal(values);
  }, []);

  const adopt = useCallback(
    (server: Content) => {
      base.current = { version: server.version, values: valuesOf(server) };
      setContent(server);
      queryClient.setQueryData(contentKeys.one(id), server);
    },
    [id, queryClient],
  );

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const openConflicts = useCallback((keys: string[], server: Values) => {
    conflictOpen.current = true;
    setConflicts(
      keys.map((key) => ({
        key,
        theirs: server[key] ?? null,
        mine: localRef.current[key] ?? null,
      })),
    );
    setState({ kind: 'conflict' });
  }, []);

  const save = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current || conflictOpen.current) return;
    flush();
    const changed = changedKeys(localRef.current, base.current.values);
    const keys = changed.filter((key) => canSendRef.current(key, localRef.current[key]));
    if (keys.length === 0) {
      if (changed.length === 0) {
        drafts.remove(draftKey);
        setState({ kind: 'saved' });
      } else setState({ kind: 'pending' });
      return;
    }
    const sentFrom = base.current;
    const sent: Values = { ...sentFrom.values };
    for (const key of keys) sent[key] = localRef.current[key];
    inFlight.current = true;
    setState({ kind: 'saving' });
    try {
      const server = await patchContent(id, toPatch(keys, localRef.current, sentFrom.version));
      failures.current = 0;
      flush();
      const serverValues = valuesOf(server);
      const result = reconcile(sent, localRef.current, serverValues);
      const replaced = Object.keys(serverValues).some(
        (key) => !same(result.local[key], localRef.current[key]),
      );
      adopt(server);
      publish(result.local);
      if (replaced) setExternalChange((n) => n + 1);
      if (server.merged) setMergedNotice(true);
      if (result.conflicts.length > 0) conflictBase.current = sentFrom;
      keepDraft();
      inFlight.current = false;
      if (result.conflicts.length > 0) openConflicts(result.conflicts, serverValues);
      else {
        const left = changedKeys(localRef.current, base.current.values);
        if (left.some((key) => canSendRef.current(key, localRef.current[key]))) {
          setState({ kind: 'pending' });
          schedule(autosaveDelay);
        } else setState(left.length > 0 ? { kind: 'pending' } : { kind: 'saved' });
      }
    } catch (error) {
      inFlight.current = false;
      if (isApiError(error, 409) && Array.isArray(error.extra.conflicts)) {
        await resolveAfterConflict(sentFrom, error.extra.conflicts as Conflict[]);
        return;
      }
      if (isApiError(error) && error.isNetworkError) {
        setState({ kind: 'offline' });
        const delay = retryDelays[Math.min(failures.current, retryDelays.length - 1)]!;
        failures.current += 1;
        schedule(delay);
        return;
      }
      setState({ kind: 'error', error });
    }

    // 409: nothing was written. Take the server's current state, keep every edit that does not
    // collide, and let the user settle the ones that do.
    async function resolveAfterConflict(
      from: { version: number; values: Values },
      listed: Conflict[],
    ) {
      const before = from.values;
      try {
        const server = await api.get<Content>(`/api/v1/contents/${encodeURIComponent(id)}`);
        flush();
        const serverValues = valuesOf(server);
        const result = reconcile(before, localRef.current, serverValues);
        const keys = new Set([...result.conflicts, ...listed.map((c) => conflictKey(c.field))]);
        // The conflicting keys keep the user's text on screen until they choose.
        for (const key of keys) result.local[key] = localRef.current[key];
        adopt(server);
        publish(result.local);
        setExternalChange((n) => n + 1);
        conflictBase.current = from;
        keepDraft();
        openConflicts(
          [...keys].filter(
            (key) =>
              changedKeys({ [key]: result.local[key] }, { [key]: serverValues[key] }).length > 0,
          ),
          serverValues,
        );
      } catch (error) {
        setState(
          isApiError(error) && error.isNetworkError
            ? { kind: 'offline' }
            : { kind: 'error', error },
        );
        if (isApiError(error) && error.isNetworkError) schedule(retryDelays[0]!);
      }
    }
  }, [adopt, draftKey, flush, id, keepDraft, openConflicts, publish, schedule]);

  const saveRef = useRef(save);
  saveRef.current = save;

  /** The user changed one value. */
  const change = useCallback(
    (key: string, value: unknown) => {
      publish({ ...localRef.current, [key]: value });
      keepDraft();
      if (!conflictOpen.current) {
        // Offline stays said while offline: typing more does not make the network come back.
        setState((now) => (inFlight.current || now.kind === 'offline' ? now : { kind: 'pending' }));
        schedule(autosaveDelay);
      }
    },
    [keepDraft, publish, schedule],
  );

  /** Typing has started somewhere whose text is not handed in yet: say so at once. */
  const markDirty = useCallback(() => {
    if (conflictOpen.current) return;
    setState((now) => (inFlight.current || now.kind === 'offline' ? now : { kind: 'pending' }));
  }, []);

  /** The user settled the conflicts: these values are what they want. */
  const resolve = useCallback(
    (chosen: Values) => {
      conflictOpen.current = false;
      conflictBase.current = null;
      setConflicts([]);
      publish({ ...localRef.current, ...chosen });
      setExternalChange((n) => n + 1);
      keepDraft();
      void saveRef.current();
    },
    [keepDraft, publish],
  );

  /** After a restore, the server's state is the page's. */
  const replaceFromServer = useCallback(
    (server: Content) => {
      conflictBase.current = null;
      adopt(server);
      publish(valuesOf(server));
      setExternalChange((n) => n + 1);
      drafts.remove(draftKey);
      setState({ kind: 'saved' });
    },
    [adopt, draftKey, publish],
  );

  /** Someone else's newer version, seen while the user had nothing unsent: show it. */
  const refresh = useCallback(
    (server: Content) => {
      if (server.version <= base.current.version || inFlight.current || conflictOpen.current)
        return;
      flush();
      if (changedKeys(localRef.current, base.current.values).length > 0) return;
      replaceFromServer(server);
    },
    [flush, replaceFromServer],
  );

  // Back online: try at once. Leaving the page: hand the editors' last words to the draft store.
  useEffect(() => {
    const online = () => {
      failures.current = 0;
      void saveRef.current();
    };
    const hide = () => {
      flush();
      keepDraft();
    };
    window.addEventListener('online', online);
    window.addEventListener('pagehide', hide);
    document.addEventListener('visibilitychange', hide);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', hide);
      document.removeEventListener('visibilitychange', hide);
      hide();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [flush, keepDraft]);

  // A draft restored from an earlier visit goes out as soon as the page opens.
  useEffect(() => {
    if (opened.restored) schedule(300);
  }, [opened.restored, schedule]);

  const saveNow = useCallback(() => void saveRef.current(), []);
  const registerFlusher = useCallback((flusher: () => void) => {
    flushers.current.add(flusher);
    return () => {
      flushers.current.delete(flusher);
    };
  }, []);

  return {
    content,
    local,
    state,
    conflicts,
    restoredDraft,
    mergedNotice,
    dismissMerged: () => setMergedNotice(false),
    externalChange,
    change,
    markDirty,
    resolve,
    retry: saveNow,
    saveNow,
    replaceFromServer,
    refresh,
    registerFlusher,
  };
}

export type ContentSync = ReturnType<typeof useContentSync>;
