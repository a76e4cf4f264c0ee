import type { VisitMessages } from "../messages/visits.js";

export const visits: VisitMessages = {};
