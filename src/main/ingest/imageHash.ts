/** The hashes that name page images: each image's own, and an image source's, made from its pages. */
import { createHash } from 'node:crypto';

/** One image's hash (its bytes as stored). */
export function imageHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * An image source's hash: its pages' hashes in page order. Importing a folder gives the same
 * hash as the source its files were once imported as, merged or put in that order.
 */
export function pagesHash(pageHashes: readonly string[]): string {
  return createHash('sha256').update(pageHashes.join('\n')).digest('hex');
}
