import type { ReviewOptions, ReviewWhen } from '@coursekit/classroom';

export const REVIEW_PARTS: { key: keyof ReviewOptions; label: string; description: string }[] = [
  { key: 'correctness', label: 'Correctness', description: 'right or wrong, and each question’s score' },
  { key: 'feedback', label: 'Feedback', description: 'the feedback written for each answer' },
  { key: 'correctAnswer', label: 'Correct answer', description: 'the right answer to each question' },
  { key: 'explanation', label: 'Explanation', description: 'the explanation after each question' },
];

export const REVIEW_TIMES: { value: ReviewWhen; label: string }[] = [
  { value: 'immediately', label: 'Immediately after the attempt' },
  { value: 'after-last-attempt', label: 'After the last attempt' },
  { value: 'after-due-date', label: 'After the due date' },
  { value: 'never', label: 'Never' },
];
