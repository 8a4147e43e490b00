// A titled section of a screen: heading (with an optional count), optional description and controls, then its body.
import { type ReactNode, useId } from "react";

/** A card-like region labelled by its heading. */
export function Panel({
  title,
  description,
  count,
  actions,
  children,
  className = "",
  testId,
}: {
  title: string;
  description?: ReactNode;
  count?: number | undefined;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={id} className="text-base font-semibold">
            {title}
            {count !== undefined && (
              <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-200">
                {count}
              </span>
            )}
          </h2>
          {description && <p className="mt-0.5 text-sm text-slate-500 dark:text-slate-400">{description}</p>}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
