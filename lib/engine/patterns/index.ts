// Public surface of the pattern component: PatternLearner, PatternMatcher and the pure learning pass.
export { FAILURE_EVENT_TYPES, IGNORED_EVENT_TYPES, isFailureEvent, isLearnable } from "./event-roles";
export { learnPatterns } from "./learn-patterns";
export { DEFAULT_LEARN_OPTIONS, type LearnOptions, type MeasuredPattern, type Pattern, type PatternType, type TimedType } from "./pattern";
export { DEFAULT_PATTERN_LEARNER_OPTIONS, type InternalEvent, PatternLearner, type PatternLearnerOptions } from "./pattern-learner";
export {
  type MatchableEvent,
  type NextEventPrediction,
  type PatternMatch,
  PatternMatcher,
  type PatternMatcherOptions,
} from "./pattern-matcher";
