import { z } from 'zod';
import { type ContentMeta, contentMeta } from './content-meta.js';

/** A schema and the wrappers around it (optional, default, ...), outermost first. */
export type SchemaChain = z.ZodType[];

function innerOf(schema: z.ZodType): z.ZodType | undefined {
  const def = schema.def as { innerType?: z.ZodType; in?: z.ZodType };
  return def.innerType ?? def.in;
}

function unwrap(schema: z.ZodType): SchemaChain {
  const chain: SchemaChain = [schema];
  let inner = innerOf(schema);
  while (inner) {
    chain.push(inner);
    inner = innerOf(inner);
  }
  return chain;
}

function core(chain: SchemaChain): z.ZodType {
  return chain[chain.length - 1] as z.ZodType;
}

function alternatives(chain: SchemaChain): SchemaChain[] {
  const schema = core(chain);
  if (schema instanceof z.ZodUnion) {
    return (schema.options as z.ZodType[]).flatMap((option) => alternatives(unwrap(option)));
  }
  return [chain];
}

/**
 * The schemas that describe the value at `path` inside data checked by `root`: several when a union
 * allows more than one shape there, none when the path leaves the schema.
 */
export function schemasAtPath(root: z.ZodType, path: readonly PropertyKey[]): SchemaChain[] {
  let current = alternatives(unwrap(root));
  for (const segment of path) {
    const next: SchemaChain[] = [];
    for (const chain of current) {
      const schema = core(chain);
      if (schema instanceof z.ZodObject && typeof segment === 'string') {
        const field = (schema.shape as Record<string, z.ZodType>)[segment];
        if (field) next.push(...alternatives(unwrap(field)));
      } else if (schema instanceof z.ZodArray && typeof segment === 'number') {
        next.push(...alternatives(unwrap(schema.element as z.ZodType)));
      }
    }
    current = next;
  }
  return current;
}

/** The keys an object at this place may have, in the order the schema lists them. */
export function allowedKeys(chains: readonly SchemaChain[]): string[] {
  const keys = new Set<string>();
  for (const chain of chains) {
    const schema = core(chain);
    if (schema instanceof z.ZodObject) for (const key of Object.keys(schema.shape)) keys.add(key);
  }
  return [...keys];
}

/** The first registered value of `name` along the chains (the outermost wrapper wins). */
export function metaOf<K extends keyof ContentMeta>(
  chains: readonly SchemaChain[],
  name: K,
): ContentMeta[K] | undefined {
  for (const chain of chains) {
    for (const schema of chain) {
      const value = contentMeta.get(schema)?.[name];
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The field's description (from `.describe()`), used as a hint on what to write. */
export function descriptionOf(chains: readonly SchemaChain[]): string | undefined {
  for (const chain of chains) {
    for (const schema of chain) {
      if (schema.description) return schema.description;
    }
  }
  return undefined;
}
