import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HelmetIcon } from './HelmetIcon';

export interface AttractLoopProps {
  kioskName: string;
  postName: string;
  /** False while the link to the core is down (the footer says so). */
  connected?: boolean;
  /** Milliseconds per message. */
  interval?: number;
}

/** The idle kiosk: helmet-safety messages in turn, the kiosk's name and that it is paired. */
export function AttractLoop({ kioskName, postName, connected = true, interval = 6000 }: AttractLoopProps) {
  const { t } = useTranslation();
  const messages = t('kiosk.attract', { returnObjects: true }) as string[];
  const [index, setIndex] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => (i + 1) % messages.length), interval);
    return () => clearInterval(timer);
  }, [messages.length, interval]);

  return (
    <main className="kiosk-screen kiosk-attract" data-testid="attract-loop">
      <div className="kiosk-helmet">
        <HelmetIcon />
      </div>
      <h1 className="kiosk-message" aria-live="polite">
        {messages[index % messages.length]}
      </h1>
      <footer className="kiosk-footer">
        <span>{postName}</span>
        <span>
          {kioskName} · {connected ? t('kiosk.paired') : t('helmet.kiosk.offline')}
        </span>
      </footer>
    </main>
  );
}
