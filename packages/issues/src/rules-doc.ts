import { type RuleId, ruleIds, rules } from './rules.js';

const escapeCell = (text: string) => text.replaceAll('|', '\\|');

/**
 * docs/rules.md: a table of every rule id, then a section a rule with what it means, an example and the
 * fix. Generated, so the list in `rules` is the one place a rule is written down.
 */
export function rulesMarkdown(): string {
  const areas = [...new Set(ruleIds.map((id) => id.split('/')[0]))];
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from packages/issues/src/rules.ts by `pnpm --filter @coursekit/issues rules-doc`; do not edit. -->',
    '',
    'Every problem coursekit reports carries one of these rule ids, printed last on each line of',
    '`coursekit check` and as `ruleId` (with a `url` to its section here) in `coursekit check --format json`.',
    'Errors make a course invalid; warnings do not.',
    '',
    '| rule | meaning |',
    '| --- | --- |',
    ...ruleIds.map((id) => `| [\`${id}\`](#${id.replace('/', '')}) | ${escapeCell(rules[id].meaning)} |`),
  ];
  for (const area of areas) {
    lines.push('', `## ${area}`);
    for (const id of ruleIds.filter((candidate) => candidate.startsWith(`${area}/`)) as RuleId[]) {
      const doc = rules[id];
      lines.push('', `### ${id}`, '', doc.meaning, '', `- Example: ${doc.example}`, `- Fix: ${doc.fix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
