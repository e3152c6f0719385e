// Paths as the CLI prints them: relative to the working directory (or a root), forward slashes.
import { relative, sep } from 'node:path';

export function toSlashPath(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

export function relativePath(root: string, absPath: string): string {
  return toSlashPath(relative(root, absPath)) || '.';
}
