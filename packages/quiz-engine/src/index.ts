export { normaliseAnswer } from './normalise.js';
