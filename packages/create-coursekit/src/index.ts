export { type CreateIo, exitCodes, runCreate } from './create-project.js';
export { installDependencies, packageManagerFromUserAgent } from './package-manager.js';
export { bundledSiteTemplate } from './site-template.js';
