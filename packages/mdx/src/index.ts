export { type CourseIssue, formatIssue } from './issue.js';
