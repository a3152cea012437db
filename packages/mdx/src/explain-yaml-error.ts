import type { YAMLError } from 'yaml';

/** A YAML syntax error in words an author understands, with the fix, and the offset it is about. */
export interface ExplainedYamlError {
  /** What is wrong and what to do, without the parser's own wording. */
  message: string;
  /** The offset to point at: where the problem starts (an unclosed quote: where it opens). */
  offset: number;
}

const quoteNames: Record<string, string> = {
  '"': 'double quotation mark (")',
  "'": "single quotation mark (')",
};

/** Where the quote that `offset` says is never closed was opened: the last one that starts a value. */
function openingQuote(text: string, offset: number, quote: string): number | undefined {
  const before = text.slice(0, offset);
  const opening = new RegExp(`(?:^|[\\s:\\-\\[{,])(${quote === '"' ? '"' : "'"})`, 'g');
  let found: number | undefined;
  for (const match of before.matchAll(opening)) found = match.index + match[0].length - 1;
  return found;
}

/** The key written at `offset` (for duplicate keys), if it is a plain one. */
function keyAt(text: string, offset: number): string | undefined {
  return /^\s*([^:\n]+?)\s*:/.exec(text.slice(offset))?.[1];
}

/**
 * Explain a syntax error of the `yaml` package by its code, the way a teacher would fix it: close the
 * quotation mark opened on line 3, indent with spaces, quote text that contains `: `. Never the
 * parser's own message, which names its grammar ("Nested mappings are not allowed in compact mappings").
 */
export function explainYamlError(error: YAMLError, text: string): ExplainedYamlError {
  const offset = error.pos[0];
  const reason = error.message;
  switch (error.code) {
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(reason)?.[1];
      if (quote) {
        const inside =
          quote === '"' ? 'write \\" for a quotation mark inside it' : "write '' for an apostrophe inside it";
        return {
          message: `the ${quoteNames[quote]} that starts this text is never closed; add the closing ${quote} at the end of the text (${inside})`,
          offset: openingQuote(text, offset, quote) ?? offset,
        };
      }
      if (/without - indicator/.test(reason)) {
        return {
          message:
            'this line is indented as a list item but does not start with "- "; start it with "- ", or line it up with the key above it',
          offset,
        };
      }
      const bracket = /closing ([\]}])/.exec(reason)?.[1] ?? /Missing (.)/.exec(reason)?.[1];
      return {
        message: `a ${bracket === '}' ? '{ … }' : '[ … ]'} list is not closed; add the closing ${bracket ?? ']'} or write the list with one "- " item a line`,
        offset,
      };
    }
    case 'TAB_AS_INDENT':
      return {
        message: 'this line is indented with a tab; YAML needs spaces: replace the tab with spaces',
        offset,
      };
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || /:\S/.test(text.slice(offset).split('\n')[0] ?? '')) {
        return {
          message:
            'a colon in this text makes YAML read another key; put a space after the key\'s colon, and quotes around text that contains ": " (title: "Rupture: the 1990s")',
          offset,
        };
      }
      return {
        message:
          'YAML cannot tell the key or list item on this line: write "key: value" with a space after the colon, or "- item" with a space after the dash, lined up with the lines around it',
        offset,
      };
    }
    case 'BAD_SCALAR_START': {
      const character = /character (.)/.exec(reason)?.[1] ?? text[offset] ?? '';
      const example = character === '@' ? ' (cite: "@rinna-two-peripheries")' : '';
      return {
        message: `a value cannot start with ${character} in YAML; put the whole value in quotes${example}`,
        offset,
      };
    }
    case 'BAD_INDENT':
      if (/Flow (sequence|mapping)/.test(reason)) {
        return {
          message: `a ${reason.includes('mapping') ? '{ … }' : '[ … ]'} list is not closed before the next line; add the closing ${reason.includes('mapping') ? '}' : ']'}`,
          offset,
        };
      }
      return {
        message:
          'this line is not lined up with the lines it belongs with; the keys of one block start in the same column, list items one level in (indent with spaces)',
        offset,
      };
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, offset);
      return {
        message: `${key ? `'${key}'` : 'this key'} is written twice in the same block; keep one of the two`,
        offset,
      };
    }
    case 'UNEXPECTED_TOKEN':
      return {
        message:
          'there is more text after the end of this value (often after a closing quotation mark); put the whole value inside the quotes, or move the text to its own line',
        offset,
      };
    case 'MULTIPLE_DOCS':
      return {
        message:
          'a line of three dashes (---) starts a second document here; this file is one document: remove the line',
        offset,
      };
    case 'BAD_DQ_ESCAPE':
      return {
        message:
          'a backslash in double quotes starts an escape (\\n, \\"); write \\\\ for a backslash, or use single quotes',
        offset,
      };
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return {
        message: 'a value starting with * is read as a YAML alias; put the value in quotes ("*important*")',
        offset,
      };
    default:
      return {
        message:
          'YAML cannot read this line; check that it is indented with spaces and lined up, that each key has ": " after it, and that quotes and brackets are closed',
        offset,
      };
  }
}
