export { formatIssue, formatIssues, formatIssuesJson, type IssuesReport, issueText } from './format.js';
export {
  countIssues,
  createIssue,
  hasErrors,
  type Issue,
  type IssueCounts,
  type IssueDetails,
  issueFromMessage,
  parseJsonPointer,
  placeIssue,
  type Severity,
  sortIssues,
  toJsonPointer,
} from './issue.js';
export { messages } from './messages.js';
export { type RuleDoc, type RuleId, ruleIds, rules, ruleUrl } from './rules.js';
export { rulesMarkdown } from './rules-doc.js';
export { isSlug, slugPattern, slugProblem, type ToSlugOptions, toSlug } from './slug.js';
export { closestMatch, closestMatches, didYouMean, type SuggestOptions } from './suggest.js';
