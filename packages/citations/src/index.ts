export { citationKeyPattern } from './keys.js';
