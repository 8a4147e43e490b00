// Prisma client bound to the shared pool through the mandatory driver adapter (Prisma 7).
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "../../generated/prisma/client";

/** The Prisma client type used across the app. */
export type Db = PrismaClient;

/** Creates a Prisma client over an existing pg pool. */
export function createPrisma(pool: pg.Pool): Db {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
