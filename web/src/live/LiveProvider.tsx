import { useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  applyEvent,
  liveUrl,
  parseServerMessage,
  reconnectDelay,
  type PresencePerson,
} from './events';

// One WebSocket per tab to /api/v1/events (docs/live.md): events mark stale what they changed,
// so the screens on show refetch it; presence says who else looks at a content. It reconnects
// with backoff and resumes after the last event seen, so nothing is missed while it was away.

interface Live {
  /** Who looks at each watched content now (the current user included). */
  presence: Record<string, PresencePerson[]>;
  /** Says we look at a content until the returned function is called. */
  watch: (contentId: string) => () => void;
}

const LiveContext = createContext<Live | null>(null);

// The server closes with this code when the session ended: signing in again opens a new one.
const signedOut = 4401;

export function LiveProvider({ children }: { children: React.ReactNode }) {
  const queryClient = useQueryClient();
  const [presence, setPresence] = useState<Record<string, PresencePerson[]>>({});
  const socket = useRef<WebSocket | null>(null);
  // Content id → how many parts of the page watch it (the server needs to hear it once).
  const watched = useRef(new Map<string, number>());

  const send = useCallback((message: object) => {
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify(message));
  }, []);

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let lastSeq: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = () => {
      const ws = new WebSocket(liveUrl(window.location, lastSeq));
      socket.current = ws;
      ws.onopen = () => {
        attempt = 0;
        for (const contentId of watched.current.keys()) {
          ws.send(JSON.stringify({ type: 'watch', content_id: contentId }));
        }
      };
      ws.onmessage = (received: MessageEvent) => {
        const message = parseServerMessage(String(received.data));
        if (!message) return;
        switch (message.type) {
          case 'hello':
            lastSeq = message.seq;
            break;
          case 'event':
            lastSeq = message.seq;
            applyEvent(queryClient, message);
            break;
          case 'reset':
            // Too much was missed to say what: everything on show is read again.
            lastSeq = message.seq;
            void queryClient.invalidateQueries();
            break;
          case 'presence':
            setPresence((now) => ({ ...now, [message.content_id]: message.people }));
            break;
          default:
            break;
        }
      };
      ws.onclose = (closed: CloseEvent) => {
        if (socket.current === ws) socket.current = null;
        setPresence({});
        if (stopped) return;
        if (closed.code === signedOut) {
          // The account's screens find out on their next request; /me first.
          void queryClient.invalidateQueries({ queryKey: ['me'] });
          return;
        }
        timer = setTimeout(connect, reconnectDelay(attempt));
        attempt += 1;
      };
    };
    connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      socket.current?.close(1000);
      socket.current = null;
    };
  }, [queryClient]);

  const watch = useCallback(
    (contentId: string) => {
      const count = watched.current.get(contentId) ?? 0;
      watched.current.set(contentId, count + 1);
      if (count === 0) send({ type: 'watch', content_id: contentId });
      return () => {
        const left = (watched.current.get(contentId) ?? 1) - 1;
        if (left > 0) {
          watched.current.set(contentId, left);
          return;
        }
        watched.current.delete(contentId);
        send({ type: 'unwatch', content_id: contentId });
        setPresence(({ [contentId]: _gone, ...rest }) => rest);
      };
    },
    [send],
  );

  const value = useMemo(() => ({ presence, watch }), [presence, watch]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Who else is looking at a content, while the calling component shows it. */
export function usePresence(contentId: string, myId: string): PresencePerson[] {
  const live = useContext(LiveContext);
  const watch = live?.watch;
  useEffect(() => (watch ? watch(contentId) : undefined), [watch, contentId]);
  const people = live?.presence[contentId];
  return useMemo(() => (people ?? []).filter((person) => person.id !== myId), [people, myId]);
}
