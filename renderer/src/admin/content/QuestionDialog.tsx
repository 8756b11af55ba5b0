import { Alert, Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  optionTextSchema,
  questionDraftSchema,
  questionTextSchema,
  type ContentVideo,
  type QuestionDraft,
  type QuizQuestionEntry,
} from '../../../../shared/contract/content';
import { FormDialog } from '../FormDialog';
import { zodRule } from '../zod-rule';
import { optionLetter } from './option-letter';

const GENERAL = '';
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

interface QuestionForm {
  question: string;
  options: string[];
  answer: number | undefined;
  /** `GENERAL` for a question not tied to a video (a Select cannot hold null). */
  videoId: string;
}

export interface QuestionDialogProps {
  open: boolean;
  /** The question being edited; undefined to add one. */
  editing: QuizQuestionEntry | undefined;
  videos: ContentVideo[];
  onSubmit(draft: QuestionDraft): Promise<string | undefined>;
  onClose(): void;
}

/** The answer picker lists the options as typed so far (it lives inside the form to watch them). */
function AnswerSelect(props: { id?: string; value?: number; onChange?: (v: number) => void }) {
  const options = (Form.useWatch<string[] | undefined>('options') ?? []).map((text, i) => ({
    value: i,
    label: `${optionLetter(i)}. ${text ?? ''}`,
  }));
  return <Select {...props} options={options} style={{ maxWidth: 520 }} />;
}

/** 2–6 options; removing one keeps the chosen answer on the same option text. */
function OptionsList() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<QuestionForm>();
  return (
    <Form.List name="options">
      {(fields, { add, remove }) => (
        <Form.Item label={t('content.quiz.options')}>
          {fields.map((field, i) => (
            <div key={field.key} className="content-option-row">
              <Form.Item name={field.name} rules={[zodRule(optionTextSchema)]} className="content-option-input">
                <Input
                  prefix={`${optionLetter(i)}.`}
                  aria-label={t('content.quiz.option', { letter: optionLetter(i) })}
                  maxLength={80}
                />
              </Form.Item>
              <Button
                disabled={fields.length <= MIN_OPTIONS}
                aria-label={t('content.quiz.removeOption', { letter: optionLetter(i) })}
                onClick={() => {
                  const answer = form.getFieldValue('answer') as number | undefined;
                  remove(field.name);
                  if (answer !== undefined && answer >= i)
                    form.setFieldValue('answer', answer === i ? undefined : answer - 1);
                }}
              >
                −
              </Button>
            </div>
          ))}
          <Button disabled={fields.length >= MAX_OPTIONS} onClick={() => add('')}>
            {t('content.quiz.addOption')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}

/** 新增题目 / 编辑题目: checked with the same schema the core applies before anything is sent. */
export function QuestionDialog({ open, editing, videos, onSubmit, onClose }: QuestionDialogProps) {
  const { t } = useTranslation();
  const initial: Partial<QuestionForm> = editing
    ? {
        question: editing.question,
        options: editing.options,
        answer: editing.answer,
        videoId: editing.videoId ?? GENERAL,
      }
    : { options: ['', '', '', ''], videoId: GENERAL };
  const videoOptions = [
    { value: GENERAL, label: t('content.quiz.general') },
    ...videos.filter((v) => v.active || v.id === editing?.videoId).map((v) => ({ value: v.id, label: v.title })),
  ];

  const submit = (v: QuestionForm) => {
    const parsed = questionDraftSchema.safeParse({
      question: v.question,
      options: v.options,
      answer: v.answer,
      videoId: v.videoId === GENERAL ? null : v.videoId,
    });
    return parsed.success ? onSubmit(parsed.data) : Promise.resolve(parsed.error.issues[0]?.message ?? '无效');
  };

  return (
    <FormDialog<QuestionForm>
      // A fresh form for each question opened.
      key={editing?.id ?? 'new'}
      open={open}
      title={editing ? t('content.quiz.editTitle') : t('content.quiz.add')}
      intro={editing && <Alert type="info" title={t('content.quiz.editHint')} style={{ marginBottom: 16 }} />}
      initialValues={initial}
      onClose={onClose}
      onSubmit={submit}
    >
      <Form.Item label={t('content.quiz.question')} name="question" rules={[zodRule(questionTextSchema)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount />
      </Form.Item>
      <OptionsList />
      <Form.Item
        label={t('content.quiz.answer')}
        name="answer"
        rules={[{ required: true, message: t('content.quiz.needAnswer') }]}
      >
        <AnswerSelect />
      </Form.Item>
      <Form.Item label={t('content.quiz.video')} name="videoId">
        <Select options={videoOptions} style={{ maxWidth: 520 }} />
      </Form.Item>
    </FormDialog>
  );
}
