import { constants, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The build's output folder, for the files the content adds beside Vite's bundle. Each file is
 * written or copied as it comes, so none is held in memory, and none may replace a file of the
 * bundle or of `public/`, or land outside the folder.
 */
export class OutputFolder {
  private readonly made = new Set<string>();
  private readonly written = new Set<string>();

  constructor(
    readonly dir: string,
    /** Whether the bundle (scripts, styles, index.html) has this file. */
    private readonly bundled: (fileName: string) => boolean,
  ) {}

  private target(fileName: string): string {
    const target = path.resolve(this.dir, fileName);
    if (!target.startsWith(path.resolve(this.dir) + path.sep)) throw new Error(`Refusing to write ${fileName} outside the output folder`);
    // Public files and the bundle are in the folder already; the content's files come after.
    if (this.written.has(target) || this.bundled(fileName) || existsSync(target)) {
      throw new Error(`The content's ${fileName} would replace a file the site already has there; rename one of them`);
    }
    this.written.add(target);
    const folder = path.dirname(target);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    return target;
  }

  write(fileName: string, source: string | Uint8Array): void {
    writeFileSync(this.target(fileName), source);
  }

  copy(fileName: string, from: string): void {
    // A clone where the file system can (no bytes copied), a copy where it cannot; never a link,
    // which would let a tool that edits dist/ in place edit the cache too.
    copyFileSync(from, this.target(fileName), constants.COPYFILE_FICLONE);
  }
}
