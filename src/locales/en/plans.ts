import type { PlanMessages } from "../messages/plans.js";

export const plans: PlanMessages = {};
