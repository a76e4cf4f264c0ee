/** Visit plans: what to visit on a day and why, in route order; progress, skips, rules and targets. */
export {
  buildPlan,
  buildPlans,
  createPlanCache,
  DEFAULT_DAILY_CAPACITY,
  type PlanCache,
  PlanError,
} from "./build-plan.js";
export { planHandlers } from "./handlers.js";
export { planProgress, plansProgress } from "./plan-progress.js";
export { answerPlanQuery } from "./plan-query.js";
export { recordSkip, SkipError, skipShop } from "./plan-skip.js";
export type { PlanProgress, PlanReason, PlanStop, ProductRef, VisitPlan } from "./plan-types.js";
export { type RenderOptions, renderPlan, renderProgress } from "./render-plan.js";
export { addTarget, listTargets, removeTarget, type Target, TargetError } from "./targets.js";
export {
  DEFAULT_VISIT_RULES,
  listVisitRules,
  loadVisitRules,
  resetVisitRule,
  setVisitRule,
  VisitRuleError,
} from "./visit-rules.js";
