import { Alert } from 'antd';

/** What an admin action said: a success or note as a status, an error as an alert. */
export interface Feedback {
  type: 'success' | 'error' | 'info';
  text: string;
}

/** The panel's last feedback, or nothing; closable when `onClose` is given. */
export function FeedbackAlert({ feedback, onClose }: { feedback: Feedback | undefined; onClose?: () => void }) {
  if (!feedback) return null;
  return (
    <Alert
      type={feedback.type}
      showIcon
      title={feedback.text}
      role={feedback.type === 'error' ? 'alert' : 'status'}
      closable={onClose ? { onClose } : undefined}
    />
  );
}
