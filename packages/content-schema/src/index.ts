export { slugSchema } from './slug.js';
