import { Button, Form, Input, Progress, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { videoTitleSchema } from '../../../../shared/contract/content';
import { FormDialog } from '../FormDialog';
import { zodRule } from '../zod-rule';
import type { NewVideoInput, UploadProgress } from './useContent';

interface UploadForm {
  title: string;
  video: UploadFile[];
  captions: UploadFile[];
}

export interface VideoUploadDialogProps {
  open: boolean;
  progress: UploadProgress | undefined;
  onUpload(input: NewVideoInput): Promise<string | undefined>;
  onClose(): void;
}

// Upload keeps the picked file in the form (nothing is sent until 保存): one file per field.
const fileField = {
  valuePropName: 'fileList',
  getValueFromEvent: (e: { fileList: UploadFile[] }) => e.fileList.slice(-1),
};
const picked = (files: UploadFile[] | undefined) => files?.[0]?.originFileObj;

/** 上传视频: a title, the video and its captions. The core judges both files by their bytes. */
export function VideoUploadDialog({ open, progress, onUpload, onClose }: VideoUploadDialogProps) {
  const { t } = useTranslation();
  const required = (message: string) => ({
    validator: (_r: unknown, files: UploadFile[] | undefined) =>
      picked(files) ? Promise.resolve() : Promise.reject(new Error(message)),
  });

  return (
    <FormDialog<UploadForm>
      open={open}
      title={t('content.upload.title')}
      onClose={onClose}
      onSubmit={(v) => onUpload({ title: v.title.trim(), video: picked(v.video)!, captions: picked(v.captions)! })}
    >
      <Form.Item label={t('content.upload.videoTitle')} name="title" rules={[zodRule(videoTitleSchema)]}>
        <Input maxLength={40} showCount autoFocus />
      </Form.Item>
      <Form.Item
        label={t('content.upload.videoFile')}
        name="video"
        extra={t('content.upload.videoHint')}
        rules={[required(t('content.upload.needVideo'))]}
        {...fileField}
      >
        <Upload beforeUpload={() => false} maxCount={1} accept="video/webm,video/mp4,.webm,.mp4">
          <Button>{t('content.upload.pickVideo')}</Button>
        </Upload>
      </Form.Item>
      <Form.Item
        label={t('content.upload.captionsFile')}
        name="captions"
        extra={t('content.upload.captionsHint')}
        rules={[required(t('content.upload.needCaptions'))]}
        {...fileField}
      >
        <Upload beforeUpload={() => false} maxCount={1} accept=".vtt,text/vtt">
          <Button>{t('content.upload.pickCaptions')}</Button>
        </Upload>
      </Form.Item>
      {progress && (
        <div className="content-upload-progress" role="status">
          {progress.step === 'register' ? (
            t('content.upload.registering')
          ) : (
            <>
              <span>{t(`content.upload.${progress.step}`)}</span>
              <Progress percent={progress.percent} size="small" aria-label={t(`content.upload.${progress.step}`)} />
            </>
          )}
        </div>
      )}
    </FormDialog>
  );
}
