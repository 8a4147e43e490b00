// Fails when prisma/schema.prisma and the database built by the SQL migrations disagree.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../lib/server/db/connection";
import { readPrismaSchema } from "./prisma-schema";

const { tables, enums } = readPrismaSchema("prisma/schema.prisma");
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: withDatabase(inject("testServerUrl"), inject("templateDb")) });
  await client.connect();
});
afterAll(() => client.end());

async function dbColumns(table: string) {
  const { rows } = await client.query<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; dt: string }>(
    `SELECT c.column_name, c.data_type, c.udt_name, c.is_nullable, format_type(a.atttypid, a.atttypmod) AS dt
     FROM information_schema.columns c
     JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = 'public' AND c.table_name = $1 ORDER BY c.column_name`,
    [table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type === "USER-DEFINED" ? `enum:${r.udt_name}` : r.dt,
    nullable: r.is_nullable === "YES",
  }));
}

async function dbIndexes(table: string) {
  const { rows } = await client.query<{ cols: string[]; uniq: boolean; pk: boolean }>(
    `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols, i.indisunique AS uniq, i.indisprimary AS pk
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE t.relname = $1 GROUP BY i.indexrelid, i.indisunique, i.indisprimary`,
    [table],
  );
  return rows.map((r) => ({ key: r.cols.join(","), uniq: r.uniq, pk: r.pk }));
}

describe("schema.prisma matches the migrated database", () => {
  it("has exactly the tables of the schema (plus the migrations table and event partitions)", async () => {
    const { rows } = await client.query<{ relname: string }>(
      "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r','p') AND NOT c.relispartition",
    );
    expect(
      rows
        .map((r) => r.relname)
        .filter((n) => n !== "_prisma_migrations")
        .sort(),
    ).toEqual(tables.map((t) => t.name).sort());
  });

  it("has the enums of the schema with the same values", async () => {
    const { rows } = await client.query<{ typname: string; labels: string[] }>(
      "SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname",
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(enums));
  });

  it.each(tables.map((t) => [t.name, t] as const))("%s: columns, types, nullability, keys and indexes", async (name, table) => {
    expect(await dbColumns(name)).toEqual([...table.columns].sort((a, b) => a.name.localeCompare(b.name)));
    const idx = await dbIndexes(name);
    expect(idx.filter((i) => i.pk).map((i) => i.key)).toEqual([table.primaryKey.join(",")]);
    for (const u of table.uniques) expect(idx.some((i) => i.uniq && !i.pk && i.key === u.join(","))).toBe(true);
    for (const ix of table.indexes) expect(idx.some((i) => !i.uniq && i.key === ix.join(","))).toBe(true);
    const declared = new Set([...table.uniques, ...table.indexes, table.primaryKey].map((c) => c.join(",")));
    expect(idx.map((i) => i.key).filter((k) => !declared.has(k))).toEqual([]);
  });
});
