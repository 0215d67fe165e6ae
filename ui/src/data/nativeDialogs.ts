// Choosing a file: the native dialogs inside Tauri (GTK's file chooser on Linux). Two seams
// replace them where no one can click a native dialog:
// - the end-to-end tests set $CADENCE_TEST_SAVE_PATH / $CADENCE_TEST_OPEN_PATH for the app:
//   `data_info` then says `dialogSeam`, no dialog opens and the command gets no path (it reads
//   the variable itself);
// - on the mock backend (plain browser) there is no dialog at all: the path is
//   `window.cadenceMockPath` when a page test set it, else a made-up one.
import { insideTauri } from "../api";

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** `undefined`: the person cancelled. `null`: let the command use its seam. */
export type Chosen = string | null | undefined;

declare global {
  interface Window {
    cadenceMockPath?: string;
  }
}

function mockPath(fallback: string): string {
  return typeof window !== "undefined" && window.cadenceMockPath ? window.cadenceMockPath : fallback;
}

export async function chooseSavePath(seam: boolean, defaultName: string, filters: FileFilter[]): Promise<Chosen> {
  if (seam) return null;
  if (!insideTauri()) return mockPath(`/mock/${defaultName}`);
  const { save } = await import("@tauri-apps/plugin-dialog");
  const path = await save({ defaultPath: defaultName, filters });
  return path ?? undefined;
}

export async function chooseOpenPath(seam: boolean, filters: FileFilter[]): Promise<Chosen> {
  if (seam) return null;
  if (!insideTauri()) return mockPath("/mock/calendrier.csv");
  const { open } = await import("@tauri-apps/plugin-dialog");
  const path = await open({ multiple: false, directory: false, filters });
  return typeof path === "string" ? path : undefined;
}

/** A yes/no question: the native one inside Tauri, `window.confirm` elsewhere. */
export async function askConfirm(seam: boolean, message: string, title: string, okLabel: string, cancelLabel: string): Promise<boolean> {
  if (seam || !insideTauri()) return seam ? true : window.confirm(message);
  const { ask } = await import("@tauri-apps/plugin-dialog");
  return ask(message, { title, kind: "warning", okLabel, cancelLabel });
}
