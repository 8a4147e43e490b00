// The cursor ledger: no stored event is fed twice or skipped, whichever of the fast path and the reader sees a
// transaction first.
import { describe, expect, it } from "vitest";
import { FeedLedger, isAfter, START } from "./feed-ledger";

const at = (tx: number, seq: number) => ({ tx: BigInt(tx), seq: BigInt(seq) });

describe("isAfter", () => {
  it.each([
    [at(2, 1), at(1, 9), true],
    [at(1, 2), at(1, 1), true],
    [at(1, 1), at(1, 1), false],
    [at(1, 9), at(2, 1), false],
    [at(1, 1), START, true],
  ])("%o after %o → %s", (a, b, expected) => expect(isAfter(a, b)).toBe(expected));
});

describe("FeedLedger", () => {
  it.each([
    {
      name: "fast path first: claims, reader then skips the local rows",
      cursor: at(5, 0),
      claim: 7,
      rows: [at(6, 1), at(7, 2), at(7, 3)],
      last: at(7, 3),
      claimed: true,
      fed: [at(6, 1)],
      cursorAfter: at(7, 3),
    },
    {
      name: "reader first: the fast path is refused (the reader fed it)",
      cursor: at(7, 3),
      claim: 7,
      rows: [],
      last: null,
      claimed: false,
      fed: [],
      cursorAfter: at(7, 3),
    },
    {
      name: "reader stopped mid-transaction: the fast path is refused, the reader feeds the rest",
      cursor: at(7, 2),
      claim: 7,
      rows: [at(7, 3)],
      last: at(7, 3),
      claimed: false,
      fed: [at(7, 3)],
      cursorAfter: at(7, 3),
    },
    {
      name: "rows at or before the cursor are never fed again",
      cursor: at(7, 3),
      claim: 9,
      rows: [at(7, 3), at(8, 1)],
      last: at(8, 1),
      claimed: true,
      fed: [at(8, 1)],
      cursorAfter: at(8, 1),
    },
    {
      name: "nothing scanned: the cursor stays",
      cursor: at(4, 4),
      claim: 5,
      rows: [],
      last: null,
      claimed: true,
      fed: [],
      cursorAfter: at(4, 4),
    },
  ])("$name", ({ cursor, claim, rows, last, claimed, fed, cursorAfter }) => {
    const ledger = new FeedLedger(cursor);
    expect(ledger.claimLocal(BigInt(claim))).toBe(claimed);
    expect(ledger.accept(rows, last)).toEqual(fed);
    expect(ledger.cursor).toEqual(cursorAfter);
  });

  it("a transaction claimed once stays claimed for the other requests of the same flush until the reader passes it", () => {
    const ledger = new FeedLedger(at(1, 0));
    expect(ledger.claimLocal(3n)).toBe(true);
    expect(ledger.claimLocal(3n)).toBe(true);
    expect(ledger.localTxs()).toEqual([3n]);
    ledger.accept([at(3, 1)], at(3, 1));
    expect(ledger.localTxs()).toEqual([3n]);
    ledger.accept([at(4, 1)], at(4, 1));
    expect(ledger.localTxs()).toEqual([]);
    expect(ledger.claimLocal(3n)).toBe(false);
  });
});
