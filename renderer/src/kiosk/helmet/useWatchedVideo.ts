import { useCallback, useEffect, useRef, useState } from 'react';
import type { HeartbeatReply, KioskSession } from '../../../../shared/contract/helmet';
import { useConnection, useConnectionState } from '../../net/useConnection';
import type { Player } from './VideoPlayer';

const BEAT_MS = 1000;
/** A seek this far past the furthest point played is pulled back. */
const SEEK_SLACK_SECONDS = 0.5;

export interface WatchedVideo {
  /** Seconds the core has counted. */
  watched: number;
  paused: boolean;
  /** Seconds the video has been paused (for the walk-away warning), or null while playing. */
  pausedFor: number | null;
  ended: boolean;
  /** An attention prompt waiting for 继续: seconds left, or null. */
  promptLeft: number | null;
  /** The prompt ran out: that stretch was taken back. */
  missed: boolean;
  play(): void;
  attend(): void;
}

/**
 * Drives the player for the core: heartbeats every second and on play/pause/end; the core's reply is
 * the truth (watched seconds, where to rewind to, an attention prompt). Locally it refuses seeking past
 * the furthest point played, pauses when the page is hidden or loses focus, and stops on a prompt left
 * unanswered. The video's end completes nothing here: the core decides, and pushes the quiz.
 */
export function useWatchedVideo(
  player: Player | null,
  session: KioskSession,
  /** False while the player is only being prepared behind the choice screen: nothing plays or beats. */
  active: boolean,
  onWalkAway: () => void,
  onLeftVideo: () => void,
): WatchedVideo {
  const conn = useConnection();
  const { connected } = useConnectionState();
  const [watched, setWatched] = useState(session.watchedSeconds);
  const [paused, setPaused] = useState(true);
  const [ended, setEnded] = useState(false);
  const [pausedSince, setPausedSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [promptUntil, setPromptUntil] = useState<number | null>(() =>
    session.prompt ? Date.now() + session.prompt.remainingMs : null,
  );
  const promptDeadline = useRef(promptUntil);
  const [missed, setMissed] = useState(false);
  const furthest = useRef(session.furthestSeconds);
  const inFlight = useRef(false);
  const sessionId = session.id;
  const walkAway = useRef(onWalkAway);
  const leftVideo = useRef(onLeftVideo);
  useEffect(() => {
    walkAway.current = onWalkAway;
    leftVideo.current = onLeftVideo;
  }, [onWalkAway, onLeftVideo]);

  const applyReply = useCallback(
    (reply: HeartbeatReply) => {
      setWatched(reply.watchedSeconds);
      if (reply.rewindTo !== null && player) {
        furthest.current = reply.rewindTo;
        const wasEnded = player.ended();
        player.currentTime(reply.rewindTo);
        // Played to the end ahead of the count (e.g. after a reconnect): play the rest again.
        if (wasEnded) void player.play()?.catch(() => undefined);
      } else furthest.current = Math.max(furthest.current, reply.furthestSeconds);
      promptDeadline.current = reply.prompt ? (promptDeadline.current ?? Date.now() + reply.prompt.remainingMs) : null;
      setPromptUntil(promptDeadline.current);
      if (reply.phase !== 'video') leftVideo.current();
    },
    [player],
  );

  const beat = useCallback(async () => {
    if (!player || inFlight.current) return;
    inFlight.current = true;
    const state = player.ended() ? 'ended' : player.paused() ? 'paused' : 'playing';
    const r = await conn.send('helmet:heartbeat', { sessionId, position: player.currentTime() ?? 0, state }, 5_000);
    inFlight.current = false;
    if (r.ok) applyReply(r.value);
  }, [player, conn, sessionId, applyReply]);

  useEffect(() => {
    if (!player || !active) return;
    const start = () => {
      furthest.current = session.furthestSeconds;
      if (session.furthestSeconds > 0) player.currentTime(session.furthestSeconds);
      void player.play()?.catch(() => setPaused(true));
    };
    const onSeeking = () => {
      const at = player.currentTime() ?? 0;
      if (at > furthest.current + SEEK_SLACK_SECONDS) player.currentTime(furthest.current);
    };
    const onTimeUpdate = () => {
      const at = player.currentTime() ?? 0;
      // Only continuous playback moves the furthest point; a seek never does.
      if (!player.seeking() && at > furthest.current && at - furthest.current < 1.5) furthest.current = at;
    };
    const onPlay = () => {
      setPaused(false);
      setEnded(false);
      setPausedSince(null);
      void beat();
    };
    const onPause = () => {
      setPaused(true);
      if (!player.ended()) setPausedSince((p) => p ?? Date.now());
      void beat();
    };
    const onEnded = () => {
      setEnded(true);
      void beat();
    };
    // The metadata may already be in by the time React hands the player over.
    if (player.readyState() >= 1) start();
    else player.one('loadedmetadata', start);
    player.on('seeking', onSeeking);
    player.on('timeupdate', onTimeUpdate);
    player.on('play', onPlay);
    player.on('pause', onPause);
    player.on('ended', onEnded);
    const timer = setInterval(() => void beat(), BEAT_MS);
    const hide = () => player.pause();
    const onVisibility = () => document.hidden && hide();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', hide);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', hide);
      if (!player.isDisposed()) {
        player.off('seeking', onSeeking);
        player.off('timeupdate', onTimeUpdate);
        player.off('play', onPlay);
        player.off('pause', onPause);
        player.off('ended', onEnded);
      }
    };
    // The session's starting point is read once per player; later replies move `furthest` themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [player, beat, active]);

  // Without the core nothing is counted, so nothing plays: the rider resumes at the last counted second.
  // A pause forced by a lost connection is not the rider walking away: the pause clock waits for the link.
  const online = useRef(connected);
  useEffect(() => {
    online.current = connected;
    if (!connected && active) player?.pause();
  }, [connected, player, active]);

  // A clock for the prompt's countdown and the pause warning; a prompt left unanswered pauses the video
  // (the core takes that stretch back on the next beat and sends the player back to where it was).
  useEffect(() => {
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (!online.current) setPausedSince((p) => (p === null ? null : t));
      if (promptDeadline.current !== null && t > promptDeadline.current) {
        promptDeadline.current = null;
        setPromptUntil(null);
        setMissed(true);
        player?.pause();
      }
    }, 250);
    return () => clearInterval(timer);
  }, [player]);
  const pausedFor = paused && pausedSince !== null ? Math.floor((now - pausedSince) / 1000) : null;
  const walkedAway = useRef(false);
  useEffect(() => {
    if (pausedFor === null || pausedFor <= session.pauseLimitSeconds || walkedAway.current) return;
    walkedAway.current = true;
    walkAway.current();
  }, [pausedFor, session.pauseLimitSeconds]);

  return {
    watched,
    paused,
    ended,
    pausedFor,
    promptLeft: promptUntil !== null ? Math.max(0, Math.ceil((promptUntil - now) / 1000)) : null,
    missed,
    play: () => {
      setMissed(false);
      void player?.play()?.catch(() => undefined);
    },
    attend: () => {
      promptDeadline.current = null;
      setPromptUntil(null);
      void conn.send('helmet:attend', { sessionId }).then((r) => r.ok && applyReply(r.value));
    },
  };
}
