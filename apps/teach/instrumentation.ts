export { register } from '@coursekit/next/instrumentation';
