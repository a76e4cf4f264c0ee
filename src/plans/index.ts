/** Visit plans: what to visit on a day and why, in route order; progress, skips, rules and targets. */
export { buildPlan, buildPlans, createPlanCache, type PlanCache } from "./build-plan.js";
export { planHandlers } from "./handlers.js";
export { planProgress, plansProgress } from "./plan-progress.js";
export { answerPlanQuery } from "./plan-query.js";
export { recordSkip, skipShop } from "./plan-skip.js";
export type { PlanProgress, PlanReason, VisitPlan } from "./plan-types.js";
export { renderPlan } from "./render-plan.js";
export { addTarget } from "./targets.js";
export { loadVisitRules, setVisitRule } from "./visit-rules.js";
