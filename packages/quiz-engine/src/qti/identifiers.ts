/**
 * QTI identifiers are XML names: they may not start with a digit. Our ids are slugs (`1863-dedication`), so
 * those get a leading underscore, which no slug has, and the mapping stays one-to-one.
 */
export function qtiIdentifier(slug: string): string {
  return /^[a-z]/i.test(slug) ? slug : `_${slug}`;
}

/** The slug behind a `qtiIdentifier`. */
export function slugOfQtiIdentifier(identifier: string): string {
  return identifier.startsWith('_') ? identifier.slice(1) : identifier;
}

/** Unique in a package: question ids are unique in a quiz and slugs never hold `--`. */
export function itemIdentifier(quizId: string, questionId: string): string {
  return qtiIdentifier(`${quizId}--${questionId}`);
}

export function itemHref(quizId: string, questionId: string): string {
  return `items/${quizId}/${questionId}.xml`;
}

export function testIdentifier(quizId: string): string {
  return qtiIdentifier(`test-${quizId}`);
}

export function testHref(quizId: string): string {
  return `tests/${quizId}.xml`;
}

/** The response variable of a cloze blank. */
export function blankResponseIdentifier(blankId: string): string {
  return `RESPONSE-${blankId}`;
}
