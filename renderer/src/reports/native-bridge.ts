import type { ExportFile } from '../../../shared/contract/reports';
import type { NativeApi } from '../../../shared/native';

/** `window.greenpost` in Electron (see electron/main/preload.ts); absent in a plain browser. */
export const nativeApi = (): NativeApi | undefined => (window as unknown as { greenpost?: NativeApi }).greenpost;

const asBytes = (b: Uint8Array | ArrayBuffer) => (b instanceof Uint8Array ? b : new Uint8Array(b));

/**
 * Saves an export the way the host allows: Electron's save dialog, or a Blob link download in a
 * browser (a blob: URL is same-origin, so the CSP stays as it is). Resolves false if the user cancelled.
 */
export async function saveExport(file: Pick<ExportFile, 'fileName' | 'mime' | 'bytes'>): Promise<boolean> {
  const bytes = asBytes(file.bytes);
  const native = nativeApi();
  if (native) {
    const ext = file.fileName.split('.').pop() ?? '';
    const result = await native.saveFile({
      suggestedName: file.fileName,
      data: bytes,
      filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
    });
    return result.saved;
  }
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handed to the download manager.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/**
 * Prints the current page (its print layout) to a PDF file in Electron: 'saved' or 'cancelled'. A
 * browser only opens its print dialog and never says what the user did there: 'dialog'.
 */
export async function printReport(suggestedName: string): Promise<'saved' | 'cancelled' | 'dialog'> {
  const native = nativeApi();
  if (native) return (await native.printToPdf({ suggestedName })).saved ? 'saved' : 'cancelled';
  window.print();
  return 'dialog';
}
