/** What a rule means, an example of what breaks it, and how to fix it: the rows of docs/rules.md. */
export interface RuleDoc {
  /** What the rule checks, in a sentence. */
  meaning: string;
  /** A short example of content that breaks it. */
  example: string;
  /** What an author does about it. */
  fix: string;
}

const rule = (meaning: string, example: string, fix: string): RuleDoc => ({ meaning, example, fix });

/**
 * Every rule id coursekit reports, each listed once. A test fails when a package reports an id that is not
 * here, and when docs/rules.md (generated from this list by `pnpm --filter @coursekit/issues rules-doc`)
 * is stale.
 */
export const rules = {
  'cc/descriptor': rule(
    'A learning-application resource (LTI link, QTI assessment) must have exactly one descriptor file.',
    'an LTI link resource listing two XML files',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/file-exists': rule(
    'Every file a resource lists must be in the package.',
    '`<file href="web/lessons/a.html"/>` with no such file',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/file-listed': rule(
    'Every file in the package must be listed by a resource.',
    '`web/extra.css` in the zip but in no `<resource>`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/href': rule(
    "A resource's `href` must be one of its own files.",
    '`<resource href="a.html">` whose files are `b.html`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/identifier': rule(
    'Resource identifiers must be XML names.',
    '`identifier="1-lesson"`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/identifier-unique': rule(
    'Identifiers in a manifest must be unique.',
    'two items with `identifier="lesson-1"`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/identifierref': rule(
    'An item or dependency must refer to a resource of the manifest.',
    '`<item identifierref="missing">`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/item-leaf': rule(
    'An organization item that refers to a resource cannot also hold items.',
    'an item with `identifierref` and child items',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/lti-link': rule(
    'An LTI link resource must be a `cartridge_basiclti_link` with a title and an absolute http(s) launch URL.',
    '`coursekit export cc --lti-url localhost`',
    'Pass `--lti-url` an absolute https:// launch URL of the coursekit server.',
  ),
  'cc/manifest': rule(
    '`imsmanifest.xml` must be at the package root, a `<manifest>` in the Common Cartridge 1.3 namespace with its schema and version.',
    'a zip without imsmanifest.xml',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/organization': rule(
    'A cartridge has one rooted-hierarchy organization with one root item.',
    'two `<organization>` elements',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/path': rule(
    "A resource's files must be relative paths inside the package.",
    '`<file href="../secret.txt"/>`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/resource-type': rule(
    "A resource's type must be one of the Common Cartridge 1.3 resource types.",
    '`type="webcontent-ish"`',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'cc/webcontent-link': rule(
    'A lesson links to a file that the exported Common Cartridge does not contain.',
    '`[handout](files/handout.pdf)` when the course ships no such file',
    'Ship the file in the course folder, link to a public address, or remove the link; the link will not work in the LMS.',
  ),
  'cc/xml': rule(
    'Every XML file in the package must be well-formed.',
    'an unclosed element in a QTI file',
    'These are checked on every cartridge coursekit writes; one that fails is a coursekit bug: report it with the course folder.',
  ),
  'citation/bibtex-syntax': rule(
    'The bibliography is not valid BibTeX.',
    '`@book{rinna2019, title = {Two Peripheries}` (no closing brace)',
    'Fix the entry at the line and column shown; every entry is `@type{key, field = {value}, …}`.',
  ),
  'citation/csl-data': rule(
    'A CSL-JSON or CSL-YAML bibliography is not a list of valid CSL items.',
    '`- id: rinna2019\\n  type: bok`',
    'Fix the field named in the message; item types and fields are those of CSL 1.0.2.',
  ),
  'citation/date': rule(
    'A date given to `citeThisLesson` is not a calendar date.',
    "`accessed: '2024-13-01'`",
    'Write the date as YYYY-MM-DD, YYYY-MM or YYYY.',
  ),
  'citation/empty': rule(
    'A citation names no key.',
    '`[@]`',
    'Write the key after the @: `[@rinna-two-peripheries]`.',
  ),
  'citation/empty-citation': rule(
    'The citation style prints nothing for a reference.',
    'A reference with no title and no author, cited in an author-date style.',
    'Give the reference a title or an author.',
  ),
  'citation/lesson': rule(
    '`citeThisLesson` was given an empty field.',
    "`title: ''`",
    'Give the lesson a title and the course a URL.',
  ),
  'citation/locale': rule(
    'The CSL locale is not a locale file, or the language has none built in.',
    '`language: xx`',
    'Use a language with a built-in locale or pass a CSL locale file.',
  ),
  'citation/locator-label': rule(
    'A citation locator uses a label CSL does not know.',
    '`[@rinna2019, sect. 2]`',
    'Use a CSL locator label such as page, paragraph, chapter or section.',
  ),
  'citation/locator-without-source': rule(
    'A key point gives a locator but cites no source.',
    '`- text: …\\n  locator: para. 2`',
    'Add `cite: [key]` next to the locator, or remove the locator.',
  ),
  'citation/style': rule(
    'The citation style is not valid CSL or not a built-in style name.',
    '`citationStyle: chicago-autor-date`',
    'Use a built-in style name (the message suggests the closest) or a valid CSL file.',
  ),
  'citation/unknown-key': rule(
    'A citation names a key that no reference in the bibliography has.',
    '`[@rina-two-peripheries]` when the key is `rinna-two-peripheries`',
    'Fix the key (the message suggests the closest) or add the reference to the bibliography.',
  ),
  'course/citation-style': rule(
    'The `citationStyleFile` of course.yaml is missing, unreadable or not a usable CSL style.',
    '`citationStyleFile: styles/ieee.csl` with no such file, or an HTML page saved as .csl',
    'Put an independent CSL style (.csl, from the official CSL styles repository or your journal) at that path, or remove `citationStyleFile` to use the built-in `citationStyle`.',
  ),
  'course/duplicate-lesson': rule(
    'course.yaml lists the same lesson twice.',
    '`lessons: [intro, intro]`',
    'List each lesson once.',
  ),
  'course/duplicate-outcome': rule(
    'Two course outcomes share an id.',
    'Two outcomes with `id: explain-convergence`.',
    'Give each outcome its own id.',
  ),
  'course/estimate-below-lessons': rule(
    'The lessons add up to more minutes than the course estimate.',
    '`estimatedMinutes: 30` with two 20-minute lessons',
    'Raise `estimatedMinutes` or shorten the lessons.',
  ),
  'course/invalid-language': rule(
    'The course language is not a BCP 47 language tag.',
    '`language: english`',
    'Use a code such as en, en-GB, de or pt-BR.',
  ),
  'course/invalid-path': rule(
    'A path in course.yaml leaves the course folder or is not a relative path.',
    '`bibliography: ../refs.bib`',
    'Use a path inside the course folder, such as references.bib.',
  ),
  'course/level-hint': rule(
    '`level` is open text, but this one is close to a suggested level (primary, secondary, introductory, undergraduate, postgraduate, professional). Only a hint.',
    '`level: undergrad`',
    'Use the suggested spelling, or keep your own wording: it is not an error.',
  ),
  'course/missing-lesson': rule(
    'course.yaml lists a lesson id that no lesson file has.',
    '`lessons: [rupture]` with no lesson whose id is rupture',
    'Fix the id (the message suggests the closest) or add the lesson.',
  ),
  'course/unknown-license': rule(
    'The license is not an SPDX license id.',
    '`license: CC-BY`',
    'Use an SPDX id such as CC-BY-4.0 or MIT.',
  ),
  'course/unlisted-lesson': rule(
    'A lesson file is not listed in course.yaml, so the course does not show it.',
    'lessons/03-extra.mdx with `id: extra` not in `lessons:`',
    'Add the lesson id to `lessons:` in teaching order, or remove the file.',
  ),
  'course/unserved-outcome': rule(
    'No lesson serves a course outcome.',
    'An outcome no lesson lists in `outcomes:`',
    'Add the outcome to the lessons that teach it, or remove it.',
  ),
  'coursekit/error': rule(
    'A problem reported without a rule of its own.',
    'A plugin message with no rule id.',
    'Read the message; report the missing rule id as a bug.',
  ),
  'directive/unclosed': rule(
    'A `:::` container directive is never closed, so everything after it (headings, other sections) would end up inside it.',
    '`:::source{cite=rinna-two-peripheries locator="para. 2"}` with no `:::` line after the quotation',
    'Add a line with only `:::` where the block ends (nested directives need one closing line each).',
  ),
  'directive/missing-attribute': rule(
    'A course directive lacks an attribute it needs.',
    '`:::source` without `cite`',
    'Add the attribute the message names.',
  ),
  'directive/unknown': rule(
    'A directive that lessons do not use.',
    '`:::sidenote`',
    'Use one of the course directives (the message lists them) or remove the colons.',
  ),
  'directive/unknown-attribute': rule(
    'A course directive has an attribute it does not accept.',
    '`:::teacher{lang=en}`',
    'Remove the attribute or fix its name (the message suggests the closest).',
  ),
  'export/app-component': rule(
    'A lesson uses a component of the app that a static exported page cannot run; only its content is exported.',
    '`<Timeline />` in a lesson exported with `coursekit export cc`',
    'Accept the static fallback, or put the content the LMS page needs in plain Markdown.',
  ),
  'export/expression': rule(
    "A lesson has a JavaScript expression or ESM that needs the lesson's code to run; the static page leaves it out.",
    '`{new Date().getFullYear()}` in a lesson body',
    'Write the value as text where the exported page needs it.',
  ),
  'file/missing': rule(
    'A file the course needs is not there.',
    'course.yaml names `glossary: terms.yaml`, which does not exist',
    'Create the file or fix the path that names it.',
  ),
  'file/unreadable': rule(
    'A course file exists but cannot be read.',
    'A lesson file without read permission.',
    'Check the file permissions and that it is a file, not a folder.',
  ),
  'frontmatter/missing': rule(
    'A lesson does not start with YAML front matter.',
    'A lesson whose first line is `# Title`',
    'Start the file with `---`, the front matter (id, title, order, …) and `---`.',
  ),
  'frontmatter/unclosed': rule(
    'The front matter is not closed.',
    '`---\\nid: intro` and no second `---`',
    'End the front matter with a line of three dashes.',
  ),
  'frontmatter/yaml': rule(
    'The front matter is not valid YAML.',
    '`title: "Rupture`',
    'Fix the YAML at the line shown.',
  ),
  'glossary/duplicate-id': rule(
    'Two glossary terms share an id.',
    'Two terms with `id: periphery`.',
    'Give each term its own id.',
  ),
  'glossary/duplicate-term': rule(
    'Two terms (or a term and an alias) have the same name.',
    '`term: Periphery` and `aliases: [periphery]` on another term',
    'Keep the name on one term.',
  ),
  'glossary/missing-id': rule(
    'A glossary link names no term.',
    '`[[]]`',
    'Write the term id between the brackets: `[[periphery]]`.',
  ),
  'glossary/self-reference': rule(
    'A term lists itself in `seeAlso`.',
    '`id: periphery` with `seeAlso: [periphery]`',
    'Remove it from `seeAlso`.',
  ),
  'glossary/unknown-see-also': rule(
    '`seeAlso` names a term id the glossary does not have.',
    '`seeAlso: [peripheri]`',
    'Fix the id (the message suggests the closest) or add the term.',
  ),
  'glossary/unknown-term': rule(
    'A lesson links to a glossary term that does not exist.',
    '`[[peripheri]]`',
    'Fix the id (the message suggests the closest) or add the term to glossary.yaml.',
  ),
  'lesson/duplicate-id': rule(
    'Two lessons share an id.',
    'Two lesson files with `id: intro`.',
    'Give each lesson its own id.',
  ),
  'lesson/duplicate-objective': rule(
    'Two objectives of a lesson share an id.',
    'Two objectives with `id: explain-rupture`.',
    'Give each objective its own id.',
  ),
  'lesson/duplicate-order': rule(
    'Two lessons have the same `order`.',
    'Two lessons with `order: 2`.',
    'Give each lesson its own order.',
  ),
  'lesson/file-name-mismatch': rule(
    'A lesson file is not named NN-id.mdx after its id.',
    'lessons/intro.mdx, or 01-intro.mdx with `id: welcome`',
    'Rename the file to NN-<id>.mdx or change the id.',
  ),
  'lesson/not-mdx': rule(
    'A file in lessons/ is not an .mdx file and is not read.',
    'lessons/notes.txt',
    'Move the file out of lessons/ or make it a lesson.',
  ),
  'lesson/objective-verb': rule(
    "An objective does not start with a verb a teacher can observe (the Bloom's revised taxonomy list in docs/objective-verbs.md of @coursekit/content-schema, or the course's own `objectiveVerbs`). A warning unless `objectiveVerbs.severity` in course.yaml says `error` or `off`.",
    '`text: Understand the rupture`',
    'Start with an observable verb (the message suggests one: Understand → Explain), or add the verb to `objectiveVerbs.add` in course.yaml.',
  ),
  'lesson/order-mismatch': rule(
    'The `order` of lessons disagrees with the order course.yaml lists them.',
    '`order: 1` on the second listed lesson',
    'Make the orders follow the course lesson list.',
  ),
  'lesson/prerequisite-cycle': rule(
    'Prerequisites go round in a loop.',
    '`a` needs `b` and `b` needs `a`',
    'Remove one of the prerequisites in the loop.',
  ),
  'lesson/prerequisite-taught-later': rule(
    'A prerequisite comes later in the course than the lesson needing it.',
    'Lesson 1 lists lesson 3 as a prerequisite.',
    'Move the prerequisite earlier or drop it.',
  ),
  'lesson/unknown-key-term': rule(
    'A key term is not a term id in the glossary.',
    '`keyTerms: [peripheri]`',
    'Fix the id (the message suggests the closest) or add the term.',
  ),
  'lesson/unknown-outcome': rule(
    'A lesson serves an outcome course.yaml does not have.',
    '`outcomes: [explain-convergense]`',
    'Fix the id (the message suggests the closest) or add the outcome.',
  ),
  'lesson/unknown-prerequisite': rule(
    'A prerequisite names no lesson.',
    '`prerequisites: [rupture-and-upswng]`',
    'Fix the id (the message suggests the closest).',
  ),
  'lesson/unknown-quiz': rule(
    'The front matter `quiz` names no quiz.',
    '`quiz: rupture-quizz`',
    'Fix the id (the message suggests the closest) or add quizzes/<id>.yaml.',
  ),
  'migrate/unsafe': rule(
    '`coursekit migrate` found that a rewrite would make a valid file invalid, and changed nothing.',
    'a migration that would remove a key the file still needs',
    'A coursekit bug: report it with the file; until then, edit the file by hand as `coursekit migrate --dry-run` lists.',
  ),
  'mdx/syntax': rule(
    'The lesson body is not valid MDX.',
    '`<Callout>` never closed, or `{` in text',
    'Fix the syntax at the place shown; write `\\{` for a literal brace.',
  ),
  'mdx/unknown-component': rule(
    'A lesson uses a component that neither coursekit nor the app provides.',
    '`<Qiz id="x" />`',
    'Use a known component (the message suggests the closest).',
  ),
  'qti/answer-folding': rule(
    'QTI compares typed answers ignoring case only, where coursekit also ignores accents, punctuation and extra spaces.',
    '`accept: [Ha Noi]` answered `Hà Nội` in the LMS',
    'List the accented and punctuated forms your students may type among the accepted answers.',
  ),
  'qti/hints': rule(
    'Hints are left out of the QTI export: QTI 3 shows hints only through adaptive items, which LMS importers do not run.',
    '`hints: [Look at para. 3.]`',
    'Move what the hint says into the feedback, or accept that the LMS shows no hints.',
  ),
  'qti/human-scored': rule(
    'An essay is exported as a human-scored QTI item with its rubric for the scorer.',
    '`type: essay` in an exported quiz',
    "Mark the essay in the LMS (or in coursekit's class mode when the quiz is an LTI link).",
  ),
  'qti/max-attempts': rule(
    'QTI has no limit on whole-quiz attempts, so `maxAttempts` is not exported.',
    '`maxAttempts: 2`',
    'Set the number of attempts in the LMS quiz settings.',
  ),
  'qti/pattern': rule(
    'A short-answer pattern is exported as an XML Schema regular expression, matched case-sensitively.',
    '`pattern: ^s/res/2397$`',
    'Check that the pattern still accepts what it should in the LMS, or list the answers in `accept`.',
  ),
  'qti/try-penalty': rule(
    'The penalty per failed try of an interactive quiz has no QTI equivalent; each try is scored in full.',
    '`behaviour: interactive` with `penalty: 0.25`',
    'Set the penalty in the LMS, or use a deferred quiz for exported work.',
  ),
  'quiz/duplicate-id': rule(
    'Two quizzes share an id.',
    'quizzes/intro.yaml and quizzes/intro.gift',
    'Keep one of the two files.',
  ),
  'quiz/file-name': rule(
    'A file in quizzes/ is not named <id>.yaml or <id>.gift and is not read.',
    'quizzes/Intro Quiz.yaml',
    'Rename it with a lower-case slug id, such as intro-quiz.yaml.',
  ),
  'quiz/gift': rule(
    'A GIFT quiz cannot be imported.',
    '`::Q1:: Capital? {=Paris ~}` (an empty wrong answer)',
    'Fix the question at the line shown.',
  ),
  'quiz/id-mismatch': rule(
    "A quiz's id differs from its file name.",
    'quizzes/intro.yaml with `id: welcome`',
    'Rename the file or change the id.',
  ),
  'quiz/invalid': rule(
    'A quiz file breaks the quiz format.',
    'A single-choice question with no correct choice.',
    'Fix the field at the place shown; the quiz format is in docs/course-format.md of @coursekit/mdx.',
  ),
  'quiz/missing-id': rule(
    'A `<Quiz>` embed has no id.',
    '`<Quiz />`',
    'Write the quiz id: `<Quiz id="rupture" />`.',
  ),
  'quiz/unknown-id': rule(
    'A `<Quiz>` embed names no quiz.',
    '`<Quiz id="ruptre" />`',
    'Fix the id (the message suggests the closest) or add the quiz.',
  ),
  'quiz/unknown-objective': rule(
    'A question measures an objective its lesson does not have.',
    '`objectives: [explain-rupture]` on a question of a lesson without it',
    'Use one of the lesson objective ids.',
  ),
  'quiz/unused': rule(
    'No lesson uses a quiz.',
    'quizzes/old.yaml that no lesson names',
    'Set `quiz:` in a lesson front matter, embed it, or remove the quiz.',
  ),
  'quiz/yaml': rule(
    'A quiz file is not valid YAML.',
    '`prompt: "Which year?`',
    'Fix the YAML at the line shown.',
  ),
  'schema/empty': rule('A text field is empty.', "`title: ''`", 'Write the text.'),
  'schema/invalid': rule(
    'A value matches none of the forms allowed.',
    'A key point that is neither text nor `{ text, cite }`',
    'Use one of the forms in docs/course-format.md of @coursekit/mdx.',
  ),
  'schema/invalid-citation-key': rule(
    'A citation key is not written as one.',
    '`cite: [rinna 2019]`',
    'Use the key as in the bibliography, without spaces.',
  ),
  'schema/invalid-format': rule(
    'A value is not in the expected form.',
    '`url: not a url`',
    'Write it in the form the field description gives.',
  ),
  'schema/invalid-id': rule(
    'An id is not a slug.',
    '`id: Hanoi Summit`',
    'Use lowercase letters, digits and single hyphens (the message suggests one).',
  ),
  'schema/missing-field': rule(
    'A required field is missing.',
    'Front matter without `title`',
    'Add the field.',
  ),
  'schema/not-allowed': rule(
    'A value is not one of those allowed.',
    '`level: beginer`',
    'Use one of the values listed (the message suggests the closest).',
  ),
  'schema/too-big': rule(
    'A number, text or list is larger than allowed.',
    '`minutes: 600`',
    'Use a value within the bound given.',
  ),
  'schema/too-few': rule('A list has fewer items than needed.', '`outcomes: []`', 'Add items.'),
  'schema/too-small': rule(
    'A number is smaller than allowed.',
    '`minutes: 0`',
    'Use a value within the bound given.',
  ),
  'schema/unknown-key': rule(
    'A key the file format does not have (often a typo).',
    '`titel: Rupture`',
    'Fix the key (the message suggests the closest) or remove it.',
  ),
  'schema/wrong-type': rule(
    'A value has the wrong type.',
    '`order: first`',
    'Write the type the message names; quote numbers meant as text.',
  ),
  'timeline/duplicate-id': rule(
    'Two timeline events share an id.',
    'Two events with `id: hanoi-summit`.',
    'Give each event its own id.',
  ),
  'timeline/end-before-start': rule(
    'An event ends before it starts.',
    '`date: 1995` with `endDate: 1990`',
    'Swap the dates or correct one.',
  ),
  'timeline/invalid-date': rule(
    'A timeline date is not a calendar date in the allowed forms.',
    "`date: '1992-02-30'`",
    'Write YYYY, YYYY-MM or YYYY-MM-DD, a real day.',
  ),
  'timeline/no-lane': rule(
    'An event is in no timeline lane.',
    '`tags: [asia]` when no lane has that id',
    'Add one of the lane tags from course.yaml.',
  ),
  'timeline/unknown-group': rule(
    'An event names a `group` that course.yaml `timelineGroups` does not define.',
    '`group: after-artcle` when the group is after-article',
    'Fix the group id (the message suggests the closest), or add the group with an `id` and a `label` to `timelineGroups`.',
  ),
  'yaml/syntax': rule(
    'A YAML file (course.yaml, glossary, timeline, lesson front matter) is not valid YAML; the message says in words what is wrong.',
    '`title: "Two Peripheries` (the quotation mark is never closed)',
    'Fix the YAML at the line shown as the message says: close quotes and brackets, indent with spaces, quote text that contains `: ` or starts with `@`, `*`, `&`, `!`, `%` or a backtick.',
  ),
} as const satisfies Record<string, RuleDoc>;

export type RuleId = keyof typeof rules;

export const ruleIds = Object.keys(rules) as RuleId[];

// docs/rules.md ships in this package (`files` in package.json), so the page exists for every published version.
const docsUrl = 'https://unpkg.com/@coursekit/issues/docs/rules.md';

/**
 * The documentation URL of a rule: its section of docs/rules.md, the file this package ships (also at
 * node_modules/@coursekit/issues/docs/rules.md), or `undefined` for an id that is not a rule.
 */
export function ruleUrl(ruleId: string): string | undefined {
  return Object.hasOwn(rules, ruleId) ? `${docsUrl}#${ruleId.replace('/', '')}` : undefined;
}
