/**
 * A short, readable form of a graded response, for the teacher's item analysis: the same answer always
 * reads the same, whatever the attempt's shuffle. Each question type describes its own responses
 * (quiz-engine's type folders); null for essays and for responses that were not given.
 */
export { describeResponse } from '@coursekit/quiz-engine';
