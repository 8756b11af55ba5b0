import { contextBridge, ipcRenderer } from 'electron';
import { nativeChannels } from '../../shared/native';
import type { NativeApi } from '../../shared/native';

/**
 * The whole of what the page can ask of the main process: one function per native capability,
 * each pinned to its channel. `ipcRenderer` itself never crosses the bridge, so a script injected
 * into the page cannot invoke arbitrary channels or listen to replies meant for others.
 */
const api = {
  printToPdf: (options) => ipcRenderer.invoke(nativeChannels.printToPdf, options),
  saveFile: (options) => ipcRenderer.invoke(nativeChannels.saveFile, options),
} satisfies NativeApi;

contextBridge.exposeInMainWorld('greenpost', api);
