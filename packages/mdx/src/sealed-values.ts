import type { Expression, Program } from 'estree';
import type { Plugin } from 'unified';

/**
 * Props made of plain data (a citation's rendered text and references) are most of a lesson's estree. Each
 * build walks its estree several times (comments, JSX rewriting, JSX to calls) and copies it, yet nothing in
 * such data is JSX, a name or a comment. So a build gets each of them sealed in one node that the walkers have
 * nothing to look into, and the code printer prints the expression inside exactly as it would have.
 */
const sealedType = 'CoursekitSealedValue';

interface SealedValue {
  type: typeof sealedType;
}

/** Programs of props made from data by `jsxAttributes`, safe to seal. */
const dataPrograms = new WeakSet<Program>();
/** The expression inside each sealed node, out of the walkers' reach (an own property would be walked). */
const sealedExpressions = new WeakMap<SealedValue, Expression>();

/** Mark a program that holds only data (literals, arrays, plain objects), which a build may seal. */
export function markDataProgram(program: Program): Program {
  dataPrograms.add(program);
  return program;
}

/**
 * For one build: a program whose expression prints as the data program's does, in one node; undefined when
 * `program` is neither a data program nor a program sealed from one. The data program itself is shared by every build and never changed.
 */
export function sealedProgram(program: unknown): Program | undefined {
  const statement = (program as Program | undefined)?.body?.[0];
  if (statement?.type !== 'ExpressionStatement') return undefined;
  // A program sealed for another build (a page made from another page's hast) is sealed again, alike.
  const expression = dataPrograms.has(program as Program)
    ? statement.expression
    : sealedExpressions.get(statement.expression as unknown as SealedValue);
  if (!expression) return undefined;
  const sealed: SealedValue = { type: sealedType };
  sealedExpressions.set(sealed, expression);
  return {
    type: 'Program',
    sourceType: 'module',
    body: [{ type: 'ExpressionStatement', expression: sealed as unknown as Expression }],
  };
}

type Printer = Record<string, (this: Printer, node: unknown, state: PrinterState) => void>;

/** What astring's printer state holds that decides how an expression prints, and where it writes. */
interface PrinterState {
  output: unknown;
  write: (code: string) => void;
  indent: string;
  indentLevel: number;
  lineEnd: string;
  writeComments: boolean;
  sourceMap?: unknown;
}

/**
 * What each data expression printed as, by the printer's settings and indent level. The same props come back
 * in lesson after lesson and in each of a lesson's builds, and printing a data expression depends on nothing
 * else, so the printer's own output for it is written again instead of printing it anew.
 */
const printedExpressions = new WeakMap<Expression, Map<string, string>>();

function printSealed(printer: Printer, expression: Expression, state: PrinterState): void {
  const print = printer[expression.type];
  if (!print) return;
  // With a source map, the printer maps every node it writes; only plain string output is kept.
  if (state.sourceMap != null || typeof state.output !== 'string') {
    print.call(printer, expression, state);
    return;
  }
  const settings = `${state.indentLevel}\0${state.indent}\0${state.lineEnd}\0${state.writeComments}`;
  let printed = printedExpressions.get(expression);
  const known = printed?.get(settings);
  if (known !== undefined) {
    state.write(known);
    return;
  }
  const start = state.output.length;
  print.call(printer, expression, state);
  if (!printed) {
    printed = new Map();
    printedExpressions.set(expression, printed);
  }
  printed.set(settings, (state.output as string).slice(start));
}

/** recma plugin: print sealed values with the printer's own handlers, as if they had never been sealed. */
export const recmaSealedValues: Plugin<[], Program> = function () {
  // Where `recma-jsx` puts its printer handlers too; `recma-stringify` passes them to the printer.
  const data = this.data() as { settings?: { handlers?: Record<string, unknown> } };
  const settings = data.settings ?? {};
  data.settings = settings;
  settings.handlers = {
    ...settings.handlers,
    [sealedType](this: Printer, node: SealedValue, state: PrinterState) {
      const expression = sealedExpressions.get(node);
      if (!expression) throw new Error('a sealed value was printed by a build that did not seal it');
      printSealed(this, expression, state);
    },
  };
};
