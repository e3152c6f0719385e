// The values ALGORITHM= and LOCK= accept.
export const ALGORITHMS = new Set(['DEFAULT', 'INSTANT', 'NOCOPY', 'INPLACE', 'COPY']);
export const LOCKS = new Set(['DEFAULT', 'NONE', 'SHARED', 'EXCLUSIVE']);
