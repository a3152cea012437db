#!/usr/bin/env node
import { runCreate } from './create-project.js';

runCreate(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  userAgent: process.env.npm_config_user_agent,
}).then((code) => {
  process.exitCode = code;
});
