// Token budget accounting: spend against `total_budget`, an hourly (configurable, or no) refill, and usage warnings.
// Policy: `consumed` counts tokens spent in the current budget period and resets to 0 when a new period begins
// (every `tokenRefillMs`, default one hour from the start; never when null). Reaching the budget stops dispatch of
// everything but CRITICAL work until the refill.
import { emit, type SimState } from "./state";
import { DEGRADATION_SPEND, TOKEN_WARNINGS } from "./tuning";

/** Token spend multiplier at the current degradation level. */
export function spendFactor(state: SimState): number {
  return DEGRADATION_SPEND[state.degradation] ?? 1;
}

/** Charges tokens against the budget. */
export function charge(state: SimState, tokens: number): void {
  state.tokens.consumed += tokens;
}

/** Consumed / budget, as a fraction. */
export function usage(state: SimState): number {
  return state.tokens.consumed / state.opts.tokenBudget;
}

/** Usage in percent, rounded to 0.1. */
export function usagePercent(state: SimState): number {
  return Math.round(usage(state) * 1000) / 10;
}

/** Whether the budget is spent (only CRITICAL tasks are dispatched then). */
export function budgetExhausted(state: SimState): boolean {
  return state.tokens.consumed >= state.opts.tokenBudget;
}

/** Refills at a period boundary, then raises token_warning / resource_exhaustion once per threshold crossing. */
export function tokenTick(state: SimState, t: number): void {
  const { tokenRefillMs, tokenBudget } = state.opts;
  if (tokenRefillMs !== null && t - state.tokens.periodStart >= tokenRefillMs) {
    state.tokens.periodStart += tokenRefillMs * Math.floor((t - state.tokens.periodStart) / tokenRefillMs);
    state.tokens.consumed = 0;
    state.tokens.warned = 0;
  }
  const ratio = usage(state);
  const fields = (severity: string) => ({
    severity,
    resource_type: "tokens",
    current_usage: Math.round(state.tokens.consumed),
    limit: tokenBudget,
    metadata: { usage_percent: usagePercent(state) },
  });
  while (state.tokens.warned < TOKEN_WARNINGS.length && ratio >= (TOKEN_WARNINGS[state.tokens.warned] ?? Infinity)) {
    emit(state, "token_warning", fields(state.tokens.warned === 0 ? "medium" : "high"));
    state.tokens.warned++;
  }
  if (state.tokens.warned === TOKEN_WARNINGS.length && ratio >= 1) {
    emit(state, "resource_exhaustion", fields("critical"));
    state.tokens.warned++;
  }
}
