// Fast non-cryptographic hashes (cyrb53 construction), for cache keys only.

/** a 53-bit hash of the text, as a number */
export function hashNumber(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return finish(h1, h2);
}

/** a 52-bit hash of two 52-bit hashes (order matters): chains versions without building strings */
export function mixHashes(a: number, b: number): number {
  const aHi = Math.floor(a / 4294967296);
  const bHi = Math.floor(b / 4294967296);
  const h1 = Math.imul((a >>> 0) ^ Math.imul(b >>> 0, 2654435761), 1597334677) ^ bHi;
  const h2 = Math.imul(aHi ^ Math.imul(bHi ^ 0x9e3779b9, 2246822507), 3266489909) ^ (b >>> 0);
  return finish(h1, h2);
}

function finish(a: number, b: number): number {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** the same hash as a base-36 string */
export function hashText(text: string, seed = 0): string {
  return hashNumber(text, seed).toString(36);
}
