// The cursor page every list of the API answers with (docs/contract.md#read-and-act).

/** A page of items, newest first, and the cursor of the next page (null on the last). */
export type Page<T> = { items: T[]; next_cursor: string | null };
