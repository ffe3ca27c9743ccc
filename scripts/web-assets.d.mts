// Types of web-assets.mjs for the tests that use it.
export declare const COMPRESSIBLE: Set<string>;
export declare const PUBLIC_JS_BUDGET: number;
export declare function brotli(buf: Buffer): Promise<Buffer>;
export declare function precompress(
  dir: string,
): Promise<{ files: number; raw: number; br: number; gz: number }>;
export interface Weight {
  files: string[];
  raw: number;
  br: number;
}
export declare function entryWeights(
  dir: string,
): { name: string; html: string; entry: string; initial: Weight; all: Weight }[];
export declare function kb(n: number): string;
