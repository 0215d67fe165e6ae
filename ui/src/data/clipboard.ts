// Copying a URL: the asynchronous clipboard API when the web view allows it, else the old way
// (select the text of a field, `document.execCommand('copy')`), which WebKitGTK still honours.

export interface ClipboardLike {
  writeText(text: string): Promise<void>;
}

/** True when the text reached the clipboard (as far as the browser tells). */
export async function copyText(text: string, field: HTMLInputElement | null, clipboard: ClipboardLike | undefined = navigator.clipboard): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, no focus): fall back.
    }
  }
  if (!field) return false;
  field.focus();
  field.select();
  field.setSelectionRange(0, field.value.length);
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}
