/** Visit plans: what to visit on a day and why, in route order; progress, skips, rules and targets. */
export { buildPlan, buildPlans, createPlanCache, DEFAULT_DAILY_CAPACITY, PlanError, type PlanCache } from "./build-plan.js";
export { planHandlers } from "./handlers.js";
export { planProgress, plansProgress } from "./plan-progress.js";
export { recordSkip, skipShop, SkipError } from "./plan-skip.js";
export { answerPlanQuery } from "./plan-query.js";
export { renderPlan, renderProgress, type RenderOptions } from "./render-plan.js";
export { DEFAULT_VISIT_RULES, listVisitRules, loadVisitRules, resetVisitRule, setVisitRule, VisitRuleError } from "./visit-rules.js";
export { addTarget, listTargets, removeTarget, TargetError, type Target } from "./targets.js";
export type { PlanProgress, PlanReason, PlanStop, ProductRef, VisitPlan } from "./plan-types.js";
