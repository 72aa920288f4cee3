import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputFolder } from '../../src/build/output-folder';

describe('the output folder the content is written into', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'quire-out-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes and copies files into folders it makes', () => {
    const out = new OutputFolder(dir, () => false);
    out.write('data/posts/a.json', '{"a":1}');
    const source = path.join(dir, 'source.png');
    writeFileSync(source, 'png');
    out.copy('og/a.png', source);
    expect(readFileSync(path.join(dir, 'data/posts/a.json'), 'utf8')).toBe('{"a":1}');
    expect(readFileSync(path.join(dir, 'og/a.png'), 'utf8')).toBe('png');
  });

  it.each([
    ['a file of the bundle', 'index.html', (name: string) => name === 'index.html', () => undefined],
    ['a file from public/', 'favicon.svg', () => false, (root: string) => writeFileSync(path.join(root, 'favicon.svg'), '<svg/>')],
    ['a file the content wrote already', 'robots.txt', () => false, (_root: string, out: OutputFolder) => out.write('robots.txt', 'first')],
  ])('refuses to replace %s', (_what, fileName, bundled, before) => {
    const out = new OutputFolder(dir, bundled);
    before(dir, out);
    expect(() => out.write(fileName, 'x')).toThrow(`The content's ${fileName} would replace a file the site already has there`);
  });

  it('refuses to write outside the folder', () => {
    const out = new OutputFolder(dir, () => false);
    expect(() => out.write('../escape.txt', 'x')).toThrow('outside the output folder');
  });
});
