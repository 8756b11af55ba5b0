import { useCallback, useEffect, useState } from 'react';
import { audioBlocked, unlockAudio } from '../common/chime';
import { PairingScreen } from '../kiosk/PairingScreen';
import { useNow } from '../booth/escorts/useNow';
import { useConnection, useConnectionState } from '../net/useConnection';
import { useDevicePairing } from '../net/useDevicePairing';
import { erToken } from './er-token';
import { ErScreen } from './ErScreen';
import { useErBoard } from './useErBoard';

/** Container: unpaired → its pairing code; paired → the live pre-alert board. */
export function ErApp() {
  const conn = useConnection();
  const { hello, connected } = useConnectionState();
  const principal = hello?.principal;
  const unpaired = principal !== undefined && principal.kind !== 'er';
  const pairing = useDevicePairing(conn, 'er', erToken, unpaired);
  const er = useErBoard(conn, connected && principal?.kind === 'er');
  const now = useNow(er.board?.clockOffset ?? 0);
  const [soundBlocked, setSoundBlocked] = useState(audioBlocked);

  // Any tap on the page lets it play sound; the banner is the tap the browser asks for (and the
  // key press, for a keyboard).
  const unlock = useCallback(() => void unlockAudio().then(() => setSoundBlocked(audioBlocked())), []);
  useEffect(() => {
    window.addEventListener('pointerdown', unlock);
    return () => window.removeEventListener('pointerdown', unlock);
  }, [unlock]);

  if (!hello) return <main className="kiosk-screen" />;
  if (principal?.kind !== 'er') return <PairingScreen {...pairing} title="er.pairingTitle" hint="er.pairingHint" />;
  if (!er.board) return <main className="kiosk-screen" aria-busy />;
  return (
    <ErScreen
      board={er.board}
      now={now}
      announced={er.announced}
      connected={connected}
      error={er.error}
      muted={er.muted}
      soundBlocked={soundBlocked}
      onAcknowledge={(e) => void er.acknowledge(e)}
      onToggleMuted={er.toggleMuted}
      onEnableSound={unlock}
    />
  );
}
