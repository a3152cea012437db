// The parts of Citation.js (which ships no types) that this package uses.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(
        input: string,
        options: { forceType?: string; target?: string; generateGraph?: boolean },
      ): Array<Record<string, unknown>>;
    };
  };
}

declare module '@citation-js/plugin-bibtex' {}
