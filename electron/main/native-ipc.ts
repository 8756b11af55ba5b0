import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent, SaveDialogOptions, WebContents } from 'electron';
import { nativeChannels } from '../../shared/native';
import type { NativeApi } from '../../shared/native';
import { isSameOrigin, NativeRequestError, parseNativeRequest, pdfName, printRequest, saveRequest } from './guards';

type Saved = Awaited<ReturnType<NativeApi['saveFile']>>;

export interface NativeIpcOptions {
  /** The booth window's webContents, the only sender allowed to open file dialogs. */
  booth: () => WebContents | undefined;
  /** Origin of the core; a booth frame that somehow navigated elsewhere loses native access. */
  coreOrigin: () => string | undefined;
}

/**
 * The main-process side of `window.greenpost`. Every call is checked twice: who sent it (the booth's
 * top frame on the core's origin — never the kiosk, which a rider touches) and what it carries.
 */
export function registerNativeIpc(options: NativeIpcOptions): void {
  const assertBooth = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame;
    const trusted =
      event.sender.id === options.booth()?.id &&
      frame !== null &&
      frame.parent === null &&
      isSameOrigin(frame.url, options.coreOrigin());
    if (!trusted) throw new NativeRequestError('此窗口不能保存文件 / this window may not save files');
  };

  const askAndWrite = async (
    event: IpcMainInvokeEvent,
    name: string,
    bytes: Uint8Array,
    filters: SaveDialogOptions['filters'],
  ): Promise<Saved> => {
    const dialogOptions: SaveDialogOptions = { defaultPath: join(app.getPath('documents'), name), filters };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const choice = owner
      ? await dialog.showSaveDialog(owner, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, bytes);
    return { saved: true, path: choice.filePath };
  };

  ipcMain.handle(nativeChannels.printToPdf, async (event, raw: unknown): Promise<Saved> => {
    assertBooth(event);
    const request = parseNativeRequest(printRequest, raw);
    // Print before asking where to save, so the PDF is the page the officer saw when clicking.
    const pdf = await event.sender.printToPDF({
      printBackground: true,
      landscape: request.landscape ?? false,
      pageSize: 'A4',
    });
    return askAndWrite(event, pdfName(request.suggestedName), pdf, [{ name: 'PDF', extensions: ['pdf'] }]);
  });

  ipcMain.handle(nativeChannels.saveFile, async (event, raw: unknown): Promise<Saved> => {
    assertBooth(event);
    const request = parseNativeRequest(saveRequest, raw);
    return askAndWrite(event, request.suggestedName, request.data, request.filters);
  });
}
