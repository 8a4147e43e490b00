// The reader's scan ranges: everything after the cursor except the local transactions' rows.
import { describe, expect, it } from "vitest";
import { gapsAfter } from "./event-reader";

const MAX_SEQ = 9_223_372_036_854_775_807n;
const OPEN = "18446744073709551615";

describe("gapsAfter", () => {
  it("no local transactions: one open range from the cursor", () => {
    expect(gapsAfter({ tx: 5n, seq: 3n }, [])).toEqual([{ loTx: 5n, loSeq: 3n, hiTx: OPEN }]);
  });

  it("steps over each local transaction, in order, whatever order they were claimed in", () => {
    expect(gapsAfter({ tx: 5n, seq: 3n }, [9n, 7n])).toEqual([
      { loTx: 5n, loSeq: 3n, hiTx: "7" },
      { loTx: 7n, loSeq: MAX_SEQ, hiTx: "9" },
      { loTx: 9n, loSeq: MAX_SEQ, hiTx: OPEN },
    ]);
  });

  it("adjacent local transactions leave no empty range between them; those before the cursor are ignored", () => {
    expect(gapsAfter({ tx: 5n, seq: 3n }, [4n, 6n, 7n])).toEqual([
      { loTx: 5n, loSeq: 3n, hiTx: "6" },
      { loTx: 6n, loSeq: MAX_SEQ, hiTx: "7" },
      { loTx: 7n, loSeq: MAX_SEQ, hiTx: OPEN },
    ]);
  });

  it("a local transaction at the cursor: the rest of its rows are skipped", () => {
    expect(gapsAfter({ tx: 5n, seq: 3n }, [5n])).toEqual([{ loTx: 5n, loSeq: MAX_SEQ, hiTx: OPEN }]);
  });
});
