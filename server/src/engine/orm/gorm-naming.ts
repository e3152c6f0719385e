// GORM's default NamingStrategy: column names in snake_case, table names in snake_case and plural
// (jinzhu/inflection's common English cases).

/** `UserID` → `user_id`, `CreatedAt` → `created_at` */
export function snakeCase(name: string): string {
  return name
    .replace(/([A-Z]+)([A-Z][a-z\d])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** the English plural GORM's table names use */
export function plural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/person$/.test(word)) return word.replace(/person$/, 'people');
  return `${word}s`;
}

/** the singular of a plural field name (`Friends` → `Friend`, `Companies` → `Company`), for self-referencing join columns */
export function singular(word: string): string {
  if (/people$/i.test(word)) return word.replace(/eople$/i, (m) => (m[0] === 'E' ? 'ERSON' : 'erson'));
  if (/[^aeiou]ies$/i.test(word)) return `${word.slice(0, -3)}y`;
  if (/(s|x|z|ch|sh)es$/i.test(word)) return word.slice(0, -2);
  if (/[^s]s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** GORM's JoinTableName: a lower-case `many2many:` name is the table as written, else snake_case and plural */
export function joinTableName(name: string): string {
  return name.toLowerCase() === name ? name : plural(snakeCase(name));
}
