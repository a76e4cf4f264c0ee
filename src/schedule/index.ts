/** Scheduled pushes: producers, the outbox and its deliverer, reminders and their audiences. */
export { startScheduler, type Scheduler, type SchedulerOptions, type Slot } from "./scheduler.js";
export { createDeliverer, DELIVERER_DEFAULTS, type Deliverer, type DelivererOptions, type DeliveryReport, type PushFn } from "./deliverer.js";
// The outbox is a store (store/outbox-store.ts); re-exported here for app.ts until the lead rewires it.
export { OutboxStore, type ClaimedPush, type NewPush, type OutboxKind } from "../store/outbox-store.js";
export { createPush, PushFailedError } from "./push.js";
export { systemClock, type Clock } from "./clock.js";
export { addReminder, listReminders, removeReminder, ReminderError, validateCron, type NewReminder } from "./reminders.js";
export { AudienceError, parseAudience, selectAudience, validateAudience, type Audience } from "./audience.js";
