// The links between history rows that no foreign key carries any more (the history tables are partitioned, so no
// id is unique on its own): a healing's commands and its failure, read by id within the swarm.
import type { Db } from "./prisma";
import type { Command, Failure } from "../../generated/prisma/client";

/** The commands of each healing in `healingIds` (oldest first), by healing id; every id has an entry. */
export async function commandsOf(db: Db, swarmId: number, healingIds: readonly string[]): Promise<Map<string, Command[]>> {
  const out = new Map(healingIds.map((id) => [id, [] as Command[]]));
  if (healingIds.length === 0) return out;
  const rows = await db.command.findMany({
    where: { swarmId, healingId: { in: [...out.keys()] } },
    orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
  });
  for (const c of rows) if (c.healingId !== null) out.get(c.healingId)?.push(c);
  return out;
}

/** The stored failures among `ids` (nulls skipped), by id; a failure whose partition was dropped is absent. */
export async function failuresById(db: Db, swarmId: number, ids: readonly (string | null)[]): Promise<Map<string, Failure>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.failure.findMany({ where: { swarmId, id: { in: wanted } } });
  return new Map(rows.map((f) => [f.id, f]));
}
