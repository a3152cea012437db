import { createHash, randomInt } from 'node:crypto';
import { UNAMBIGUOUS_ALPHABET } from './passcode';

export const JOIN_CODE_LENGTH = 6;
const RESUME_CODE_GROUPS = 3;
const RESUME_CODE_GROUP_LENGTH = 4;

function randomCode(length: number): string {
  return Array.from({ length }, () => UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)]).join('');
}

/** A class join code: six unambiguous characters such as `K7QM2X`, easy to read out in a classroom. */
export function generateJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

/** A student's personal resume code, `XXXX-XXXX-XXXX` (about 59 bits), shown once when they join. */
export function generateResumeCode(): string {
  return Array.from({ length: RESUME_CODE_GROUPS }, () => randomCode(RESUME_CODE_GROUP_LENGTH)).join('-');
}

/** Upper-cases and drops spaces and dashes, so `k7qm 2x` and `K7QM-2X` are the same code. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

const codePattern = (length: number) => new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${length}}$`);
const joinCodePattern = codePattern(JOIN_CODE_LENGTH);
const resumeCodePattern = codePattern(RESUME_CODE_GROUPS * RESUME_CODE_GROUP_LENGTH);

export function isJoinCode(normalised: string): boolean {
  return joinCodePattern.test(normalised);
}

export function isResumeCode(normalised: string): boolean {
  return resumeCodePattern.test(normalised);
}

/** Resume codes are random enough that a plain SHA-256 is a safe way to store and look them up. */
export function hashResumeCode(normalised: string): string {
  return createHash('sha256').update(`resume:${normalised}`).digest('hex');
}

export const MAX_DISPLAY_NAME_LENGTH = 40;

/** NFC, trimmed, inner white space collapsed to single spaces. */
export function normaliseDisplayName(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/**
 * What is wrong with the characters of a name people read (a student's or a class's), or undefined: lone
 * surrogates, control, format, private-use and unassigned code points, and names that show nothing at all
 * (only spaces, fillers such as U+3164 and other default-ignorable characters, or marks).
 */
export function nameCharacterProblem(name: string): 'unreadable' | 'invisible' | undefined {
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u.test(name)) return 'unreadable';
  if (name.replace(/[\s\p{Default_Ignorable_Code_Point}\p{M}]/gu, '') === '') return 'invisible';
  return undefined;
}

/** Why a (normalised) display name cannot be used, or undefined when it can. */
export function displayNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter the name your teacher will see, such as "Ada L."';
  if ([...name].length > MAX_DISPLAY_NAME_LENGTH) {
    return `Use at most ${MAX_DISPLAY_NAME_LENGTH} characters for your name.`;
  }
  const characters = nameCharacterProblem(name);
  if (characters === 'unreadable') {
    return 'Your name contains invisible or control characters; type it again with letters, digits and spaces.';
  }
  if (characters === 'invisible') return 'Your name shows no letters; type it again with letters or digits.';
  return undefined;
}

/** Two names that differ only in case or compatibility form are the same name in one class. */
export function displayNameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en');
}
