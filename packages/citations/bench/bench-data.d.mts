import type { CitationCluster, CslItem } from '../src/types.js';

export const benchItems: CslItem[];
export const benchCitations: CitationCluster[];
export const variedCitations: CitationCluster[];
export const selectedKeys: string[];
export const edgeItems: CslItem[];
export const edgeCitations: CitationCluster[];
