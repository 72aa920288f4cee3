import { describe, expect, it } from 'vitest';

// Tests in a file run in order: the second sees whatever the first left in the document.
describe('each test starts from a clean document', () => {
  it('may set the title, as every page does', () => {
    document.title = 'A title left behind';
    expect(document.title).toBe('A title left behind');
  });

  it('does not see the title an earlier test set', () => {
    expect(document.title).toBe('');
  });
});
