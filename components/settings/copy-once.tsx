"use client";
// A secret shown once (a new ingest key or generated password) with a copy button.
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Shows `value` with a warning that it will not be shown again, and copies it to the clipboard on request. */
export function CopyOnce({ label, value, testId, onDismiss }: { label: string; value: string; testId: string; onDismiss: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div
      role="region"
      aria-label={label}
      className="rounded-md border border-amber-400/60 bg-amber-50 p-3 dark:border-amber-500/40 dark:bg-amber-950/30"
    >
      <p className="text-sm font-medium">{label} — copy it now, it will not be shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="break-all rounded bg-slate-900 px-2 py-1 font-mono text-xs text-emerald-300" data-testid={testId}>
          {value}
        </code>
        <Button variant="secondary" size="sm" onClick={() => void copy()}>
          {copied === "yes" ? "Copied" : "Copy"}
        </Button>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          Done
        </Button>
        <span role="status" className="text-xs text-slate-500">
          {copied === "failed" ? "Copy failed: select the text and copy it by hand." : ""}
        </span>
      </div>
    </div>
  );
}
