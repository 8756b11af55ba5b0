import { useEffect, useRef } from 'react';
import videojs from 'video.js';
import zhCN from 'video.js/dist/lang/zh-CN.json';
import 'video.js/dist/video-js.css';
import type { VideoInfo } from '../../../../shared/contract/helmet';

export type Player = ReturnType<typeof videojs>;

videojs.addLanguage('zh-CN', zhCN);

/**
 * video.js on a <video> made here rather than by React: video.js rewrites the element's DOM, which
 * React must never touch. Chinese captions are on by default, the volume control stays, and there is
 * no fullscreen, picture-in-picture or speed control (the kiosk is the whole screen already), and no
 * caption-style dialog.
 */
export function VideoPlayer({ video, onPlayer }: { video: VideoInfo; onPlayer(player: Player | null): void }) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = document.createElement('video');
    el.className = 'video-js vjs-big-play-centered';
    el.setAttribute('playsinline', '');
    el.setAttribute('disablepictureinpicture', '');
    if (video.captionsUrl) {
      const track = document.createElement('track');
      Object.assign(track, {
        kind: 'captions',
        src: video.captionsUrl,
        srclang: 'zh',
        label: '中文字幕',
        default: true,
      });
      el.appendChild(track);
    }
    holder.current!.appendChild(el);
    const player = videojs(el, {
      controls: true,
      preload: 'auto',
      fill: true,
      language: 'zh-CN',
      sources: [{ src: video.url, type: video.url.endsWith('.mp4') ? 'video/mp4' : 'video/webm' }],
      controlBar: {
        fullscreenToggle: false,
        pictureInPictureToggle: false,
        playbackRateMenuButton: false,
        volumePanel: { inline: false },
      },
      userActions: { doubleClick: false, hotkeys: false },
      // No 字幕设定 dialog: its small selects are no touch targets, and the kiosk's captions are styled here.
      textTrackSettings: false,
    });
    // Captions shown, whatever the browser's own default.
    player.ready(() => {
      const tracks = player.textTracks() as unknown as ArrayLike<TextTrack>;
      for (let i = 0; i < tracks.length; i++) {
        const track = tracks[i];
        if (track && (track.kind === 'captions' || track.kind === 'subtitles')) track.mode = 'showing';
      }
    });
    onPlayer(player);
    return () => {
      onPlayer(null);
      player.dispose();
    };
  }, [video.url, video.captionsUrl, onPlayer]);

  return <div ref={holder} className="kiosk-player" data-testid="kiosk-player" />;
}
