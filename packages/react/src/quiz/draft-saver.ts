/**
 * Sends a quiz's answers as a draft `delayMs` after the last change, so typing costs one request per pause
 * rather than one per keystroke. `flush` sends what is pending at once (the page is being hidden); a draft
 * equal to the last one sent is not sent again.
 */
export interface DraftSaver<T> {
  change(draft: T): void;
  flush(keepalive?: boolean): void;
  /** Drops what is pending (the attempt was submitted or reloaded). */
  cancel(): void;
}

export function createDraftSaver<T>(
  save: (draft: T, keepalive: boolean) => void,
  delayMs = 1000,
): DraftSaver<T> {
  let pending: T | undefined;
  let lastSent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    pending = undefined;
  };
  const flush = (keepalive = false) => {
    const draft = pending;
    cancel();
    if (draft === undefined) return;
    const sent = JSON.stringify(draft);
    if (sent === lastSent) return;
    lastSent = sent;
    save(draft, keepalive);
  };
  return {
    change(draft) {
      clearTimeout(timer);
      pending = draft;
      timer = setTimeout(flush, delayMs);
    },
    flush,
    cancel,
  };
}
