import { useSyncExternalStore } from 'react';
import {
  emptyProgress,
  type Progress,
  parseProgress,
  progressStorageKey,
  serialiseProgress,
} from './progress.js';

// Same-tab writers announce changes with this event; other tabs are heard through `storage`.
const CHANGE_EVENT = 'coursekit:progress-change';
const SERVER_SNAPSHOT = emptyProgress('');

/** The course id the page declares on `<html data-coursekit-course>` (the course.yaml `id`). */
function courseId(): string {
  return document.documentElement.dataset.coursekitCourse ?? '';
}

let cachedRaw: string | null | undefined;
let cachedProgress: Progress = SERVER_SNAPSHOT;
// Used when the browser refuses to store anything (private mode, blocked storage): progress lasts for the page.
let unstoredProgress: Progress | undefined;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(progressStorageKey(courseId()));
  } catch {
    return null;
  }
}

function snapshot(): Progress {
  if (unstoredProgress) return unstoredProgress;
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedProgress = parseProgress(raw, courseId());
  }
  return cachedProgress;
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === progressStorageKey(courseId())) onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

/** Applies a change to the stored progress (read fresh, so two islands never overwrite each other). */
export function updateProgress(change: (progress: Progress) => Progress): void {
  const next = change(unstoredProgress ?? parseProgress(readRaw(), courseId()));
  try {
    window.localStorage.setItem(progressStorageKey(courseId()), serialiseProgress(next));
    unstoredProgress = undefined;
  } catch {
    unstoredProgress = next;
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The student's progress in this browser; empty during server rendering and before hydration. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribe, snapshot, () => SERVER_SNAPSHOT);
}
