// Calendar shortcuts: ← / PageUp previous range, → / PageDown next range, t today, n new post,
// 1–4 the views, Ctrl+Z (⌘Z) undo the last move, Alt+← / Alt+→ move the focused post a day.
// Keys typed in a field are left alone.

export type ViewKey = "week" | "month" | "agenda" | "lanes";

export interface Shortcuts {
  prev(): void;
  next(): void;
  today(): void;
  newPost(): void;
  view?(name: ViewKey): void;
  undo?(): void;
  /** Moves the post whose card has the focus by `days`; false when no post card has it. */
  movePost?(days: number): boolean;
  /** False while shortcuts must not fire (e.g. the post panel is open). */
  enabled(): boolean;
}

const VIEW_KEYS: Record<string, ViewKey> = { "1": "week", "2": "month", "3": "agenda", "4": "lanes" };

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target.closest("input, textarea, select, [contenteditable]") !== null;
}

export function actionOfKey(key: string): "prev" | "next" | "today" | "newPost" | null {
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
    if (e.defaultPrevented || e.isComposing) return;
    if (isTypingTarget(e.target) || !shortcuts.enabled()) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === "z" || e.key === "Z")) {
      if (!shortcuts.undo) return;
      e.preventDefault();
      shortcuts.undo();
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === "ArrowLeft" || e.key === "ArrowRight")) {
      if (shortcuts.movePost?.(e.key === "ArrowLeft" ? -1 : 1)) e.preventDefault();
      return;
    }
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const view = VIEW_KEYS[e.key];
    if (view && shortcuts.view) {
      e.preventDefault();
      shortcuts.view(view);
      return;
    }
    const action = actionOfKey(e.key);
    if (action === null) return;
    e.preventDefault();
    shortcuts[action]();
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}
