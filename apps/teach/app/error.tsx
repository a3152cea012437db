'use client';

export { default } from '@coursekit/next/app/error';
