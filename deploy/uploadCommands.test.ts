// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The shell commands of a Markdown file's ```sh blocks, one per block, continuation lines joined. */
function shellBlocks(path: string): string[][] {
  const text = readFileSync(new URL(path, import.meta.url), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) =>
    (match[1] as string)
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

/** The blocks that upload the build to S3, each as its `aws s3` commands in order. */
function uploads(path: string): string[][] {
  return shellBlocks(path)
    .map((block) => block.filter((command) => /\baws s3 (sync|cp) dist\//.test(command)))
    .filter((commands) => commands.length > 0);
}

describe('the README’s upload commands (S3 + CloudFront)', () => {
  for (const path of ['../README.md', './README.md']) {
    it(`${path}: never publish source maps`, () => {
      const blocks = uploads(path);
      expect(blocks.length, 'upload blocks found').toBeGreaterThan(0);
      for (const command of blocks.flat()) {
        if (command.includes('aws s3 sync')) expect(command, command).toContain('--exclude "*.map"');
      }
    });

    // During an upload, a visitor's index.html must never name a chunk that is not there yet.
    it(`${path}: upload the assets before index.html, and delete the old build's files only after it`, () => {
      for (const commands of uploads(path)) {
        const first = commands[0] ?? '';
        expect(first, 'the first upload').toMatch(/aws s3 sync dist\/ .*--exclude index\.html/);
        expect(first, 'the first upload').not.toContain('--delete');
        const entry = commands.findIndex((command) => /aws s3 cp dist\/index\.html /.test(command));
        expect(entry, 'index.html uploaded on its own').toBeGreaterThan(0);
        const deleting = commands.findIndex((command) => command.includes('--delete'));
        if (deleting !== -1) expect(deleting, '--delete comes after index.html').toBeGreaterThan(entry);
      }
    });
  }
});
