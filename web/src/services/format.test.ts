import { describe, expect, it } from 'vitest';
import { fileSize, percent } from './format';

describe('fileSize', () => {
  it('uses B, KB and MB', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(1023)).toBe('1023 B');
    expect(fileSize(1024)).toBe('1.0 KB');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(1024 * 1024 - 1)).toBe('1024.0 KB');
    expect(fileSize(1024 * 1024)).toBe('1.0 MB');
    expect(fileSize(20 * 1024 * 1024 + 512 * 1024)).toBe('20.5 MB');
  });
});

describe('percent', () => {
  it('is a rate as a percentage with one decimal', () => {
    expect(percent(0)).toBe(0);
    expect(percent(1)).toBe(100);
    expect(percent(0.1234)).toBe(12.3);
    expect(percent(1 / 3)).toBe(33.3);
  });

  it('keeps "no rate" apart from zero', () => {
    expect(percent(null)).toBeNull();
  });
});
