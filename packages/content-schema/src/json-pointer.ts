export { parseJsonPointer, toJsonPointer } from '@coursekit/issues';
