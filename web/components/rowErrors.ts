/**
 * A form's messages keyed by field path ("people.2.discussion") after row `index` of `list` is
 * removed: that row's messages go, those of the rows below it move up by one, and the list's own
 * message (e.g. "add at least one") goes too, since the list changed.
 */
export function withoutRow(errors: Readonly<Record<string, string>>, list: string, index: number): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${list}.`;
  for (const [key, message] of Object.entries(errors)) {
    if (key === list) continue;
    if (!key.startsWith(prefix)) {
      out[key] = message;
      continue;
    }
    const [row = '', ...rest] = key.slice(prefix.length).split('.');
    const i = Number(row);
    if (!/^\d+$/.test(row) || rest.length === 0) out[key] = message;
    else if (i < index) out[key] = message;
    else if (i > index) out[`${list}.${i - 1}.${rest.join('.')}`] = message;
  }
  return out;
}
