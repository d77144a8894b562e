// Patterns for LIKE/ILIKE built from what a user typed: %, _ and \ are matched as themselves.

const escaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches a value with `text` anywhere in it. */
export function containing(text: string): string {
  return `%${escaped(text)}%`;
}

/** Matches a value that starts with `text`. */
export function startingWith(text: string): string {
  return `${escaped(text)}%`;
}
