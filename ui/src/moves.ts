// Moving posts: drags, drops, resizes and Alt+←/→ go to the core at once; each change is
// remembered so Ctrl+Z (or the toast's button) can ask the core to put the post back.
import { toErrorPayload, type Api } from "./api";
import { shiftPlanned } from "./calendar/model";
import type { PlannedInput, Post, PostView } from "./generated/models";
import { t } from "./i18n/index";
import { errorMessage } from "./i18n/labels";
import { inputOf } from "./postForm";
import { isDeletion, plannedInputOf, UndoStack, type Deletion, type UndoEntry } from "./undo";
import type { Toasts } from "./views/toasts";
import { postDay } from "./weekModel";

export interface MovesHost {
  /** The post as last read from the core, if it is in the range on screen. */
  post(id: string): PostView | undefined;
  /** The plan's zone. */
  zone(): string;
  /** Asks the core again for what is on screen. */
  refresh(): void;
  /** The card of this post takes the focus once redrawn. */
  focusAfter(postId: string): void;
  /** Something came back from the trash (plans and events need more than a refresh). */
  restored?(d: Deletion): Promise<void> | void;
}

export class Moves {
  private readonly undo = new UndoStack<UndoEntry>();

  constructor(
    private readonly api: Api,
    private readonly toasts: Toasts,
    private readonly host: MovesHost,
  ) {}

  /** Another plan: its moves cannot be undone from here. */
  clear(): void {
    this.undo.clear();
  }

  async move(view: PostView, planned: PlannedInput, revert?: () => void): Promise<void> {
    const before = view.post;
    try {
      const saved = await this.api.reschedulePost(before.id, planned);
      this.remember(before, saved.post);
      this.toasts.success(t("toast.moved", { title: before.title }), { label: t("toast.undo"), run: () => void this.undoLast() });
    } catch (e) {
      revert?.();
      this.toasts.error(errorMessage(toErrorPayload(e)));
    }
    this.host.refresh();
  }

  async resize(view: PostView, minutes: number, revert: () => void): Promise<void> {
    const before = view.post;
    try {
      const saved = await this.api.updatePost(before.id, { ...inputOf(before), durationMinutes: minutes });
      this.remember(before, saved.post);
      this.toasts.success(t("toast.resized", { title: before.title }), { label: t("toast.undo"), run: () => void this.undoLast() });
    } catch (e) {
      revert();
      this.toasts.error(errorMessage(toErrorPayload(e)));
    }
    this.host.refresh();
  }

  /** Lanes: a card dropped on another day keeps its time. */
  moveToDay(postId: string, date: string): void {
    const view = this.host.post(postId);
    const planned = plannedInputOf(view?.post.planned ?? null);
    if (!view || !planned) return;
    const from = postDay(view, this.host.zone());
    if (from === null || from === date) return;
    const days = Math.round((Date.parse(date) - Date.parse(from)) / 86_400_000);
    this.host.focusAfter(postId);
    void this.move(view, shiftPlanned(planned, days));
  }

  /** Alt+← / Alt+→ on a post card; false when no post card has the focus. */
  moveFocused(days: number): boolean {
    const card = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>("[data-testid=post-card]") : null;
    const id = card?.dataset["postId"];
    const view = id ? this.host.post(id) : undefined;
    const planned = plannedInputOf(view?.post.planned ?? null);
    if (!id || !view || !planned) return false;
    this.host.focusAfter(id);
    void this.move(view, shiftPlanned(planned, days));
    return true;
  }

  /** A deletion Ctrl+Z (or the toast's « Annuler ») can undo. */
  deleted(d: Deletion, message: string): void {
    this.undo.push(d);
    this.toasts.success(message, { label: t("toast.undo"), run: () => void this.undoLast() });
  }

  async undoLast(): Promise<void> {
    const move = this.undo.pop();
    if (!move) {
      this.toasts.success(t("toast.nothingToUndo"));
      return;
    }
    if (isDeletion(move)) {
      try {
        if (move.deleted === "post") await this.api.restorePost(move.id);
        else if (move.deleted === "event") await this.api.restoreEvent(move.id);
        else await this.api.restorePlan(move.id);
        await this.host.restored?.(move);
        this.toasts.success(t("toast.undone"));
      } catch (e) {
        this.toasts.error(errorMessage(toErrorPayload(e)));
      }
      this.host.refresh();
      return;
    }
    const current: Post = this.host.post(move.postId)?.post ?? move.after;
    try {
      if (current.durationMinutes !== move.durationMinutes) {
        await this.api.updatePost(move.postId, { ...inputOf(current), planned: move.planned, durationMinutes: move.durationMinutes });
      } else {
        await this.api.reschedulePost(move.postId, move.planned);
      }
      this.toasts.success(t("toast.undone"));
    } catch (e) {
      this.toasts.error(errorMessage(toErrorPayload(e)));
    }
    this.host.refresh();
  }

  private remember(before: Post, after: Post): void {
    this.undo.push({ postId: before.id, planned: plannedInputOf(before.planned), durationMinutes: before.durationMinutes, after });
  }
}
