import { fail } from '../../../../shared/contract/result';
import { UPLOAD_PATH, type UploadKind, type UploadReply } from '../../../../shared/contract/upload';
import i18next from 'i18next';

/**
 * `POST /api/upload` with the officer's session token. XMLHttpRequest rather than fetch: only it
 * reports how much of the body has gone out, and a video is megabytes. Never rejects: a network
 * failure resolves to a refusal the dialog shows like the core's own.
 */
export function uploadMedia(
  kind: UploadKind,
  file: Blob,
  token: string,
  onProgress: (fraction: number) => void,
): Promise<UploadReply> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${UPLOAD_PATH}?kind=${kind}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as UploadReply);
      } catch {
        resolve(fail('INTERNAL', i18next.t('content.upload.badReply', { status: xhr.status })));
      }
    };
    xhr.onerror = () => resolve(fail('INTERNAL', i18next.t('content.upload.interrupted')));
    xhr.send(file);
  });
}
