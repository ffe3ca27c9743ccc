// Small display formats shared by pages.

/** 1536 → "1.5 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A rate (0.123) as a percentage with one decimal (12.3); null stays null. */
export const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
