// The agent table's pure parts: filter by text and state, sort by a column, cut one page (1,000 agents stay smooth:
// only one page is rendered).

/** The fields the table sorts and filters on. */
export type AgentTableRow = {
  id: string;
  state: string;
  success_rate: number | null;
  p95_duration_ms: number | null;
  heartbeat_age_ms: number | null;
  circuit_state: string | null;
  health_score: number;
};

/** Sortable columns. */
export type SortKey = "id" | "state" | "success_rate" | "p95_duration_ms" | "heartbeat_age_ms" | "circuit_state" | "health_score";

/** A sort: column and direction. */
export type Sort = { key: SortKey; dir: "asc" | "desc" };

/** States needing attention first when sorting by state. */
const STATE_ORDER: Record<string, number> = { down: 0, failed: 0, busy: 1, active: 2, idle: 3 };
const CIRCUIT_ORDER: Record<string, number> = { open: 0, half_open: 1, closed: 2 };

/** Rows whose id contains `text` (case-insensitive) and, when given, whose state is `state`. */
export function filterAgents<T extends AgentTableRow>(rows: readonly T[], text: string, state: string): T[] {
  const q = text.trim().toLowerCase();
  return rows.filter((r) => (!q || r.id.toLowerCase().includes(q)) && (!state || r.state === state));
}

function value(r: AgentTableRow, key: SortKey): number | string | null {
  if (key === "state") return STATE_ORDER[r.state] ?? 9;
  if (key === "circuit_state") return r.circuit_state === null ? null : (CIRCUIT_ORDER[r.circuit_state] ?? 9);
  return r[key];
}

/** Rows sorted by the column (unknown values last in either direction, then by id). */
export function sortAgents<T extends AgentTableRow>(rows: readonly T[], sort: Sort): T[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key);
    const y = value(b, sort.key);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** One page (0-based, clamped to the last page) and the range it covers. */
export function pageOf<T>(
  rows: readonly T[],
  page: number,
  size: number,
): { items: T[]; page: number; pages: number; from: number; to: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const items = rows.slice(p * size, p * size + size);
  return { items, page: p, pages, from: rows.length === 0 ? 0 : p * size + 1, to: p * size + items.length };
}
