// The recent healings are read again while a running healing shows no command (a missed live message heals itself).
import { expect, it } from "vitest";
import { awaitingCommand } from "./overview";
import type { HealingItem } from "./types";

const h = (status: string, commands: number) =>
  ({ status, commands: Array.from({ length: commands }, (_, i) => ({ id: `c${i}` })) }) as unknown as HealingItem;

it.each([
  ["nothing loaded", undefined, false],
  ["a running healing with its command", [h("running", 1)], false],
  ["a running healing without a command", [h("succeeded", 1), h("running", 0)], true],
  ["a finished healing without a command (declined, cancelled)", [h("cancelled", 0), h("failed", 0)], false],
])("%s", (_name, list, expected) => expect(awaitingCommand(list)).toBe(expected));
