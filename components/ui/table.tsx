"use client";
// The table primitive: a look chosen once on <Table> (its parts read it from context), header / body / row / cell
// parts, a row header, numeric cells (right-aligned, tabular figures) and an empty-state row.
import { createContext, type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes, useContext } from "react";

const LOOKS = {
  /** Rows ruled by hairlines, uppercase headers over a border: history-style tables inside a panel. */
  ruled: {
    table: "w-full text-sm",
    head: "border-b border-slate-200 dark:border-slate-800",
    th: "whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400",
    body: "",
    row: "border-b border-slate-100 last:border-0 dark:border-slate-800/60",
    cell: "px-3 py-2 align-top",
  },
  /** `ruled`, tighter: a summary table under a chart. */
  dense: {
    table: "w-full text-sm",
    head: "border-b border-slate-200 dark:border-slate-800",
    th: "whitespace-nowrap px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400",
    body: "",
    row: "border-b border-slate-100 last:border-0 dark:border-slate-800/60",
    cell: "px-2 py-1.5",
  },
  /** Divided rows of fixed height under a bordered header: a long, scannable list. */
  grid: {
    table: "w-full text-sm",
    head: "border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400",
    th: "px-3 py-2 font-medium",
    body: "divide-y divide-slate-100 dark:divide-slate-800",
    row: "",
    cell: "px-3",
  },
  /** A shaded header band over divided rows: a log. */
  shaded: {
    table: "w-full text-left text-sm",
    head: "bg-slate-100 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-900 dark:text-slate-400",
    th: "px-3 py-2 font-medium",
    body: "divide-y divide-slate-200 dark:divide-slate-800",
    row: "",
    cell: "px-3 py-2",
  },
  /** No frame, columns spaced on the right: editable rows in a settings form. */
  plain: {
    table: "w-full text-left text-sm",
    head: "text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400",
    th: "py-2 pr-3 font-medium last:pr-0",
    body: "divide-y divide-slate-200 dark:divide-slate-800",
    row: "",
    cell: "py-2 pr-3 last:pr-0",
  },
  /** Small print, short rows: a recent-events list. */
  compact: {
    table: "w-full text-xs",
    head: "text-left text-slate-500 dark:text-slate-400",
    th: "py-1 font-medium",
    body: "divide-y divide-slate-100 dark:divide-slate-800",
    row: "h-7",
    cell: "",
  },
} as const;

/** How a table looks. */
export type TableLook = keyof typeof LOOKS;

const Look = createContext<(typeof LOOKS)[TableLook]>(LOOKS.ruled);
const NUMERIC = "text-right tabular-nums";
const join = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ") || undefined;

/** A table in one look; `label` names it for assistive technology, `caption` is read but not shown. */
export function Table({
  look,
  label,
  caption,
  className,
  children,
  ...props
}: HTMLAttributes<HTMLTableElement> & { look: TableLook; label?: string; caption?: string; children: ReactNode }) {
  const l = LOOKS[look];
  return (
    <Look.Provider value={l}>
      <table className={join(l.table, className)} aria-label={label} {...props}>
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </Look.Provider>
  );
}

/** The header row; its children are HeaderCells. */
export function TableHead({ children }: { children: ReactNode }) {
  return (
    <thead className={useContext(Look).head}>
      <tr>{children}</tr>
    </thead>
  );
}

/** A column header; `numeric` aligns it with numeric cells. */
export function HeaderCell({ numeric, className, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean | undefined }) {
  return <th scope="col" className={join(useContext(Look).th, numeric && "text-right", className)} {...props} />;
}

/** The body of the table. */
export function TableBody({ children }: { children: ReactNode }) {
  return <tbody className={join(useContext(Look).body)}>{children}</tbody>;
}

/** A body row. */
export function TableRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={join(useContext(Look).row, className)} {...props} />;
}

/** A body cell; `numeric` right-aligns it with tabular figures. */
export function Cell({ numeric, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean | undefined }) {
  return <td className={join(useContext(Look).cell, numeric && NUMERIC, className)} {...props} />;
}

/** The cell that names its row (read before the others by screen readers). */
export function RowHeader({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="row" className={join(useContext(Look).cell, "text-left", className)} {...props} />;
}

/** A row spanning every column that says why the table has no rows. */
export function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-3 py-6 text-center text-sm text-slate-500 dark:text-slate-400">
        {children}
      </td>
    </tr>
  );
}
