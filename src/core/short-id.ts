// Short card ids for tables and for typing. A card's id is its first title words and a hash
// ("making-neural-programming-architectures-5bbfcf", README "Editing without losing history"):
// stable, but too long for a column at 80. The hash part alone ("5bbfcf", or "5bbfcf-2" for a
// second paper of the same title) names the card as well, as long as no other card of the deck
// ends the same way; a card whose tail is shared, or whose id has no such tail, keeps its full id.

const TAIL = /-([0-9a-f]{6}(?:-\d+)?)$/;

/** Each card's short id, by full id: unique within `ids` and never another card's full id. */
export function shortIds(ids: readonly string[]): Map<string, string> {
  const tails = new Map<string, number>();
  const tailOf = (id: string) => TAIL.exec(id)?.[1];
  for (const id of ids) {
    const tail = tailOf(id);
    if (tail !== undefined) tails.set(tail, (tails.get(tail) ?? 0) + 1);
  }
  const full = new Set(ids);
  return new Map(
    ids.map((id) => {
      const tail = tailOf(id);
      return [id, tail !== undefined && tails.get(tail) === 1 && !full.has(tail) ? tail : id];
    }),
  );
}
