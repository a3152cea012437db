import { z } from 'zod';

/** Text a reader will see: it must say something. */
export const textSchema = z.string().min(1);
