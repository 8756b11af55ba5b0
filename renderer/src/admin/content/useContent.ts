import i18next from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import type { ContentOverview, QuestionDraft, RiderGroup } from '../../../../shared/contract/content';
import type { UploadKind } from '../../../../shared/contract/upload';
import { sessionToken } from '../../booth/session-token';
import { useConnection, useConnectionState } from '../../net/useConnection';
import { problemOf } from '../zod-rule';
import { uploadMedia } from './upload-media';

export interface NewVideoInput {
  title: string;
  video: File;
  captions: File;
}

/** Where an upload has got: which file is on its way (and how much of it), or the registration. */
export type UploadProgress = { step: UploadKind; percent: number } | { step: 'register' };

/**
 * 管理 → 内容: the videos, their assignment and the quiz bank, kept current by `content:changed` (and
 * re-read when the settings change, which may reassign a video or resize the quiz), and the admin's
 * actions. Each action resolves to an error message or undefined.
 */
export function useContent() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [overview, setOverview] = useState<ContentOverview>();
  const [progress, setProgress] = useState<UploadProgress>();

  useEffect(() => {
    if (!hello) return;
    const load = () => void conn.send('content:list', {}).then((r) => r.ok && setOverview(r.value));
    load();
    const offContent = conn.on('content:changed', setOverview);
    const offSettings = conn.on('settings:changed', load);
    return () => {
      offContent();
      offSettings();
    };
  }, [conn, hello]);

  /** Video, then captions, over HTTP; then one event registers both. Any refusal stops the rest. */
  const upload = useCallback(
    async ({ title, video, captions }: NewVideoInput): Promise<string | undefined> => {
      const token = sessionToken.get();
      if (!token) return i18next.t('content.upload.needLogin');
      try {
        const files: Partial<Record<UploadKind, string>> = {};
        for (const [kind, file] of [
          ['video', video],
          ['captions', captions],
        ] as const) {
          setProgress({ step: kind, percent: 0 });
          const reply = await uploadMedia(kind, file, token, (f) =>
            setProgress({ step: kind, percent: Math.round(f * 100) }),
          );
          if (!reply.ok) return reply.error.message;
          files[kind] = reply.value.file;
        }
        setProgress({ step: 'register' });
        return problemOf(
          await conn.send('content:registerVideo', { title, videoFile: files.video!, captionsFile: files.captions! }),
        );
      } finally {
        setProgress(undefined);
      }
    },
    [conn],
  );

  return {
    overview,
    progress,
    upload,
    setVideoActive: useCallback(
      async (videoId: string, active: boolean) =>
        problemOf(await conn.send('content:setVideoActive', { videoId, active })),
      [conn],
    ),
    assign: useCallback(
      async (group: RiderGroup, videoId: string) =>
        problemOf(await conn.send('content:assignVideo', { group, videoId })),
      [conn],
    ),
    addQuestion: useCallback(
      async (draft: QuestionDraft) => problemOf(await conn.send('content:addQuestion', draft)),
      [conn],
    ),
    editQuestion: useCallback(
      async (questionId: string, draft: QuestionDraft) =>
        problemOf(await conn.send('content:editQuestion', { questionId, draft })),
      [conn],
    ),
    setQuestionActive: useCallback(
      async (questionId: string, active: boolean) =>
        problemOf(await conn.send('content:setQuestionActive', { questionId, active })),
      [conn],
    ),
  };
}
