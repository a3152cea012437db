/** Essays are marked by the teacher: never auto-graded, no check before submission (read by both entries). */
export const ESSAY_NEEDS_HUMAN = true;

/** Words as a teacher would count them: runs of letters or digits, apostrophes and hyphens inside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
