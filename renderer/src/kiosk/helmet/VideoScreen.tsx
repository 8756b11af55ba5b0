import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSession } from '../../../../shared/contract/helmet';
import { useWatchedVideo } from './useWatchedVideo';
import { VideoPlayer, type Player } from './VideoPlayer';

export interface VideoScreenProps {
  session: KioskSession;
  /**
   * False while the rider is still on the choice screen: the player is already made and loading
   * behind it (hidden), so 观看教育视频 only has to press play.
   */
  active: boolean;
  onWalkAway(): void;
  onLeftVideo(): void;
}

/** The education video, the core's count of it, and the prompts that keep the rider watching. */
export function VideoScreen({ session, active, onWalkAway, onLeftVideo }: VideoScreenProps) {
  const { t } = useTranslation();
  const [player, setPlayer] = useState<Player | null>(null);
  const v = useWatchedVideo(player, session, active, onWalkAway, onLeftVideo);
  const percent = Math.min(100, Math.floor((v.watched / session.video.durationSec) * 100));
  const promptLeft = v.promptLeft;
  const warnFrom = Math.max(session.pauseLimitSeconds - 30, Math.floor(session.pauseLimitSeconds / 2));

  return (
    <main
      className={`kiosk-screen kiosk-video ${active ? '' : 'kiosk-prepared'}`}
      data-testid={active ? 'kiosk-video' : undefined}
      aria-hidden={!active}
    >
      <h1 className="kiosk-video-title">{session.video.title}</h1>
      <div className="kiosk-player-frame">
        <VideoPlayer video={session.video} onPlayer={setPlayer} />
        {active && promptLeft !== null && (
          <div className="kiosk-overlay" role="alertdialog" data-testid="attention-prompt">
            <p>{t('helmet.kiosk.video.attention')}</p>
            <button type="button" className="kiosk-button kiosk-button-primary" onClick={v.attend}>
              {t('helmet.kiosk.video.continue')}
            </button>
            <p className="kiosk-muted">{t('helmet.kiosk.video.secondsLeft', { seconds: promptLeft })}</p>
          </div>
        )}
        {active && promptLeft === null && v.paused && !v.ended && player && (
          <div className="kiosk-overlay kiosk-overlay-light">
            {v.missed && <p>{t('helmet.kiosk.video.missed')}</p>}
            <button type="button" className="kiosk-button kiosk-button-primary" onClick={v.play}>
              {t('helmet.kiosk.video.resume')}
            </button>
          </div>
        )}
      </div>
      <div
        className="kiosk-progress"
        role="progressbar"
        aria-label={t('helmet.kiosk.video.progress')}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <div className="kiosk-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="kiosk-muted">
        {t('helmet.kiosk.video.watched', { percent })} · {t('helmet.kiosk.video.noSkip')}
      </p>
      {v.pausedFor !== null && v.pausedFor >= warnFrom && (
        <div className="kiosk-banner" role="alert">
          {t('helmet.kiosk.video.pausedWarning', { seconds: Math.max(0, session.pauseLimitSeconds - v.pausedFor) })}
        </div>
      )}
    </main>
  );
}
