import type { ScheduleMessages } from "../messages/schedule.js";

export const schedule: ScheduleMessages = {};
