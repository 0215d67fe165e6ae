// Week shortcuts: ← / PageUp previous week, → / PageDown next week, t today, n new post.
// Keys typed in a field, or with Ctrl, Alt or Meta, are left alone.

export interface Shortcuts {
  prev(): void;
  next(): void;
  today(): void;
  newPost(): void;
  /** False while shortcuts must not fire (e.g. the post panel is open). */
  enabled(): boolean;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

export function actionOfKey(key: string): keyof Omit<Shortcuts, "enabled"> | null {
  switch (key) {
    case "ArrowLeft":
    case "PageUp":
      return "prev";
    case "ArrowRight":
    case "PageDown":
      return "next";
    case "t":
    case "T":
      return "today";
    case "n":
    case "N":
      return "newPost";
    default:
      return null;
  }
}

export function bindShortcuts(target: Document, shortcuts: Shortcuts): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
    if (isTypingTarget(e.target) || !shortcuts.enabled()) return;
    const action = actionOfKey(e.key);
    if (action === null) return;
    e.preventDefault();
    shortcuts[action]();
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}
