#!/usr/bin/env node
console.log('coursekit: not yet implemented');
