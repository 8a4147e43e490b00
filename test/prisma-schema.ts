// A small reader of schema.prisma (models, fields, enums, ids and indexes) for the drift test: Prisma's own
// DMMF comes from its schema engine, which cannot be downloaded here.
import fs from "node:fs";

/** A scalar column expected in the database. */
export type ExpectedColumn = { name: string; type: string; nullable: boolean };
/** A table expected in the database. */
export type ExpectedTable = { name: string; columns: ExpectedColumn[]; primaryKey: string[]; uniques: string[][]; indexes: string[][] };

const SCALARS: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Bytes: "bytea",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
};
const NATIVE: Record<string, (p?: string) => string> = {
  Timestamptz: (p) => `timestamp${p ? `(${p})` : ""} with time zone`,
  Uuid: () => "uuid",
  Text: () => "text",
};

function columnsOf(list: string, fieldToColumn: Map<string, string>): string[] {
  return list.split(",").map((f) => {
    const name = f.trim().split("(")[0]!.trim();
    return fieldToColumn.get(name) ?? name;
  });
}

/** The `model`/`enum` blocks of a schema: a header line `kind Name {` up to a line that is only `}`. */
function blocks(src: string, kind: "model" | "enum"): { name: string; body: string }[] {
  const out: { name: string; body: string }[] = [];
  let current: { name: string; lines: string[] } | undefined;
  for (const line of src.split("\n")) {
    const head = new RegExp(`^${kind}\\s+(\\w+)\\s*\\{`).exec(line.trim());
    if (head) current = { name: head[1]!, lines: [] };
    else if (current && line.trim() === "}") {
      out.push({ name: current.name, body: current.lines.join("\n") });
      current = undefined;
    } else current?.lines.push(line);
  }
  return out;
}

/** Parses schema.prisma into the tables and enums it implies. */
export function readPrismaSchema(file: string): { tables: ExpectedTable[]; enums: Map<string, string[]> } {
  const src = fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, "");
  const enums = new Map(blocks(src, "enum").map((b) => [b.name, b.body.split(/\s+/).filter(Boolean)] as const));
  const models = blocks(src, "model");
  const modelNames = new Set(models.map((m) => m.name));
  const tables = models.map(({ name, body }) => {
    const lines = body
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    const fieldToColumn = new Map<string, string>();
    const columns: ExpectedColumn[] = [];
    let primaryKey: string[] = [];
    const uniques: string[][] = [];
    const indexes: string[][] = [];
    for (const line of lines.filter((l) => !l.startsWith("@@"))) {
      const [field, rawType] = line.split(/\s+/) as [string, string];
      const base = rawType.replace(/[?[\]]/g, "");
      if (modelNames.has(base)) continue; // relation field
      const column = /@map\("([^"]+)"\)/.exec(line)?.[1] ?? field;
      fieldToColumn.set(field, column);
      const native = /@db\.(\w+)(?:\((\d+)\))?/.exec(line);
      const unsupported = /^Unsupported\("([^"]+)"\)/.exec(base)?.[1];
      const type =
        unsupported ??
        (enums.has(base) ? `enum:${base}` : native ? (NATIVE[native[1]!]?.(native[2]) ?? native[1]!.toLowerCase()) : SCALARS[base]!);
      columns.push({ name: column, type, nullable: rawType.endsWith("?") });
      if (/@id\b/.test(line)) primaryKey = [column];
      if (/@unique\b/.test(line)) uniques.push([column]);
    }
    let table = name;
    for (const line of lines.filter((l) => l.startsWith("@@"))) {
      const args = /\(\[([^\]]*)\]/.exec(line)?.[1];
      if (line.startsWith("@@map")) table = /"([^"]+)"/.exec(line)![1]!;
      else if (line.startsWith("@@id")) primaryKey = columnsOf(args!, fieldToColumn);
      else if (line.startsWith("@@unique")) uniques.push(columnsOf(args!, fieldToColumn));
      else if (line.startsWith("@@index")) indexes.push(columnsOf(args!, fieldToColumn));
    }
    return { name: table, columns, primaryKey, uniques, indexes };
  });
  return { tables, enums };
}
