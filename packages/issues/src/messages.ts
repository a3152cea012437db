/**
 * Wordings that several packages report, written once so the same mistake reads the same wherever it is
 * found (a lesson body, front matter, a quiz, the glossary, the citation processor).
 */
export const messages = {
  unknownCitationKey: (key: string) =>
    `unknown citation key '${key}'; add it to the references or fix the key`,
} as const;
