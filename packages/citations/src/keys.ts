/** A pandoc citation key: starts with a letter, digit or underscore; may contain `:.#$%&-+?<>~/` inside. */
export const citationKeyPattern = /[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*/u;
