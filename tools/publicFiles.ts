import { readdir } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every file under public/ as the site serves it (`/favicon.svg`, `/icons/icon-192.png`), folders left out. */
export async function publicFiles(): Promise<string[]> {
  const root = fileURLToPath(new URL('../public/', import.meta.url));
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(root, `${entry.parentPath}${sep}${entry.name}`).split(sep).join('/')}`);
}
