// Prerequisite graphs: the service refuses a write that would close a cycle; compileSnapshot breaks the flags of
// one it finds in a hand-made snapshot.

/**
 * The first prerequisite cycle in `graph` (flag key → keys it requires), as a path that starts and ends with the
 * same key (`a → b → a`); undefined when there is none. Edges to keys missing from the graph are ignored.
 */
export function prerequisiteCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    state.set(key, 1);
    path.push(key);
    for (const next of graph.get(key) ?? []) {
      if (!graph.has(next)) continue;
      const seen = state.get(next);
      if (seen === 1) return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(key, 2);
    return undefined;
  };
  for (const key of graph.keys()) {
    if (state.has(key)) continue;
    const found = visit(key);
    if (found) return found;
  }
  return undefined;
}
