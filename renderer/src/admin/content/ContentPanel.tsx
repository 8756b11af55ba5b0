import { Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ContentOverview,
  ContentVideo,
  QuestionDraft,
  QuizQuestionEntry,
  RiderGroup,
} from '../../../../shared/contract/content';
import { QuestionDialog } from './QuestionDialog';
import { QuizBank } from './QuizBank';
import type { NewVideoInput, UploadProgress } from './useContent';
import { VideoAssignments } from './VideoAssignments';
import { VideoLibrary } from './VideoLibrary';
import { VideoUploadDialog } from './VideoUploadDialog';
import { FeedbackAlert, type Feedback } from '../FeedbackAlert';

export interface ContentPanelProps {
  overview: ContentOverview | undefined;
  /** A demo core lists the tests' short clip too; production lists it only while a setting uses it. */
  demo: boolean;
  progress: UploadProgress | undefined;
  onUpload(input: NewVideoInput): Promise<string | undefined>;
  onSetVideoActive(videoId: string, active: boolean): Promise<string | undefined>;
  onAssign(group: RiderGroup, videoId: string): Promise<string | undefined>;
  onAddQuestion(draft: QuestionDraft): Promise<string | undefined>;
  onEditQuestion(questionId: string, draft: QuestionDraft): Promise<string | undefined>;
  onSetQuestionActive(questionId: string, active: boolean): Promise<string | undefined>;
}

/** The question dialog: closed, adding, or editing one question. */
type QuestionEditor = { open: false } | { open: true; editing: QuizQuestionEntry | undefined };

/** 管理 → 内容: videos, who watches which, and the quiz bank. Pure: every change goes through the callbacks. */
export function ContentPanel(p: ContentPanelProps) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [questionEditor, setQuestionEditor] = useState<QuestionEditor>({ open: false });
  const [feedback, setFeedback] = useState<Feedback>();
  const report = (problem: string | undefined, success: string) =>
    setFeedback(problem ? { type: 'error', text: problem } : { type: 'success', text: success });
  const videos = p.overview?.videos.filter((v) => p.demo || v.audience !== 'test' || v.assignedTo.length > 0);

  const setVideoActive = async (video: ContentVideo, active: boolean) =>
    report(
      await p.onSetVideoActive(video.id, active),
      t(active ? 'content.videos.activated' : 'content.videos.deactivated', { title: video.title }),
    );
  const assign = async (group: RiderGroup, video: ContentVideo) =>
    report(
      await p.onAssign(group, video.id),
      t('content.assign.saved', { group: t(`content.groups.${group}`), title: video.title }),
    );
  const setQuestionActive = async (q: QuizQuestionEntry, active: boolean) =>
    report(
      await p.onSetQuestionActive(q.id, active),
      t(active ? 'content.quiz.activated' : 'content.quiz.deactivated'),
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <FeedbackAlert feedback={feedback} onClose={() => setFeedback(undefined)} />
      <VideoLibrary videos={videos} onUpload={() => setUploading(true)} onSetActive={setVideoActive} />
      <VideoAssignments videos={videos} assignments={p.overview?.assignments} onAssign={assign} />
      <QuizBank
        questions={p.overview?.questions}
        videos={videos}
        minActive={p.overview?.minActiveQuestions ?? 0}
        onAdd={() => setQuestionEditor({ open: true, editing: undefined })}
        onEdit={(q) => setQuestionEditor({ open: true, editing: q })}
        onSetActive={setQuestionActive}
      />
      <VideoUploadDialog
        open={uploading}
        progress={p.progress}
        onClose={() => setUploading(false)}
        onUpload={async (input) => {
          const problem = await p.onUpload(input);
          if (!problem) report(undefined, t('content.videos.registered', { title: input.title }));
          return problem;
        }}
      />
      <QuestionDialog
        open={questionEditor.open}
        editing={questionEditor.open ? questionEditor.editing : undefined}
        videos={videos ?? []}
        onClose={() => setQuestionEditor({ open: false })}
        onSubmit={async (draft) => {
          const editing = questionEditor.open ? questionEditor.editing : undefined;
          const problem = editing ? await p.onEditQuestion(editing.id, draft) : await p.onAddQuestion(draft);
          if (!problem) report(undefined, t(editing ? 'content.quiz.edited' : 'content.quiz.added'));
          return problem;
        }}
      />
    </Space>
  );
}
