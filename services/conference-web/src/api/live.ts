import { useEffect, useRef, useState } from 'react';
import { refreshSession, SIGNED_OUT_EVENT } from './http';

/** What GET /api/v1/live says when data changed: the services whose committed writes changed it. */
export interface DataChanged {
  services: string[];
  at: string;
}

const SESSION_STREAM = '/api/v1/live';
/** The session's streams: /api/v1/live and below it. */
const UNDER_SESSION_STREAM = /^\/api\/v1\/live(?:[/?]|$)/;
const EVERY_SERVICE = ['plans', 'projects', 'clusters', 'trade-fairs', 'awards', 'reporting'];

/**
 * Server-sent events from the gateway: one `changed` event when any service commits a change, fed by the
 * services' own commit signals — never polling. `onChange` runs for each; the hook also tells when the last
 * change arrived and whether the stream is connected. EventSource reconnects by itself after a dropped
 * connection; the gateway ends a stream when its access token expires, and the reconnect is then refused (401),
 * which closes the EventSource for good — so the session is refreshed and a new stream opened, or the reader is
 * sent to the sign-in page (the session's streams only). A page also refetches after any reconnect: a change may
 * have passed meanwhile.
 */
export function useLive(onChange: (change: DataChanged) => void, url = SESSION_STREAM) {
  const handler = useRef(onChange);
  handler.current = onChange;
  const [connected, setConnected] = useState(false);
  const [lastChange, setLastChange] = useState<DataChanged | null>(null);

  useEffect(() => {
    // Only the session's own stream can be renewed; another (a hall screen's link) refused stays closed, or an
    // expired link would be knocked at forever: the page shows it as not connected and handles its end.
    const sessionStream = UNDER_SESSION_STREAM.test(url);
    let source: EventSource | null = null;
    let stopped = false;
    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.onopen = () => setConnected(true);
      source.onerror = () => {
        setConnected(false);
        if (source?.readyState !== EventSource.CLOSED || stopped || !sessionStream) return;
        // Refused for good (the session expired): refresh it once and listen again, else sign in.
        void refreshSession().then((ok) => {
          if (stopped) return;
          if (ok) open();
          else window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
        });
      };
      source.addEventListener('ready', () => {
        // After a reconnect, what is shown may have missed a change: reload it.
        if (opened) handler.current({ services: EVERY_SERVICE, at: new Date().toISOString() });
        opened = true;
      });
      source.addEventListener('changed', (event) => {
        const change = JSON.parse((event as MessageEvent<string>).data) as DataChanged;
        setLastChange(change);
        handler.current(change);
      });
    };
    let opened = false;
    open();
    return () => {
      stopped = true;
      source?.close();
    };
  }, [url]);

  return { connected, lastChange };
}
