-- CreateTable
CREATE TABLE "Team" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "morningPlanAt" TEXT NOT NULL DEFAULT '07:30',
    "nudgeAt" TEXT NOT NULL DEFAULT '17:30',
    "digestAt" TEXT NOT NULL DEFAULT '18:30',
    "workdays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "holidays" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "team" TEXT,
    "supervisorId" TEXT,
    "lang" TEXT NOT NULL DEFAULT 'zh',
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "email" TEXT,
    "startLat" REAL,
    "startLng" REAL,
    "dailyCapacity" INTEGER NOT NULL DEFAULT 25,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Identity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InviteCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Retailer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "managerId" TEXT,
    "segment" TEXT NOT NULL DEFAULT 'standard',
    "grade" INTEGER,
    "address" TEXT NOT NULL DEFAULT '',
    "lat" REAL,
    "lng" REAL,
    "license" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Retailer_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
    "sku" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "brand" TEXT NOT NULL DEFAULT '',
    "aliases" TEXT NOT NULL DEFAULT '[]',
    "category" TEXT NOT NULL DEFAULT '',
    "perCase" INTEGER,
    "priceBand" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InboundMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "externalMessageId" TEXT NOT NULL,
    "externalUserId" TEXT NOT NULL,
    "personId" TEXT,
    "text" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "intent" TEXT,
    "error" TEXT,
    "handledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "retailerId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "activities" TEXT NOT NULL DEFAULT '[]',
    "followUp" TEXT,
    "followUpDone" BOOLEAN NOT NULL DEFAULT false,
    "feedback" BOOLEAN NOT NULL DEFAULT false,
    "feedbackText" TEXT,
    "compliance" BOOLEAN NOT NULL DEFAULT false,
    "complianceNote" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "messageId" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Visit_retailerId_fkey" FOREIGN KEY ("retailerId") REFERENCES "Retailer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Visit_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Visit_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VisitLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "visitId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "qty" REAL,
    "unit" TEXT,
    CONSTRAINT "VisitLine_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "managerId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "consumers" INTEGER,
    "durationMinutes" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'active',
    "messageId" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Promotion_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Promotion_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "InboundMessage" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionRetailer" (
    "promotionId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,

    PRIMARY KEY ("promotionId", "retailerId"),
    CONSTRAINT "PromotionRetailer_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromotionLine" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "promotionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "qty" REAL,
    "unit" TEXT,
    CONSTRAINT "PromotionLine_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DialogueState" (
    "personId" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "VisitRule" (
    "segment" TEXT NOT NULL PRIMARY KEY,
    "everyDays" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "CultivationTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "team" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "sku" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PlanSkip" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cron" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "textZh" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "createdById" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lang" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "optionA" TEXT NOT NULL,
    "optionB" TEXT NOT NULL,
    "optionC" TEXT NOT NULL,
    "optionD" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "explanation" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "QuizAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "questionId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "answer" TEXT,
    "correct" BOOLEAN,
    "askedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "QuizAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuizQuestion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "sentAt" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "Person_team_role_idx" ON "Person"("team", "role");

-- CreateIndex
CREATE INDEX "Person_supervisorId_idx" ON "Person"("supervisorId");

-- CreateIndex
CREATE INDEX "Identity_personId_idx" ON "Identity"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_channel_externalId_key" ON "Identity"("channel", "externalId");

-- CreateIndex
CREATE INDEX "Retailer_managerId_idx" ON "Retailer"("managerId");

-- CreateIndex
CREATE INDEX "Retailer_license_idx" ON "Retailer"("license");

-- CreateIndex
CREATE INDEX "Retailer_segment_idx" ON "Retailer"("segment");

-- CreateIndex
CREATE INDEX "Product_brand_idx" ON "Product"("brand");

-- CreateIndex
CREATE INDEX "InboundMessage_personId_receivedAt_idx" ON "InboundMessage"("personId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_channel_externalMessageId_key" ON "InboundMessage"("channel", "externalMessageId");

-- CreateIndex
CREATE INDEX "Visit_managerId_date_idx" ON "Visit"("managerId", "date");

-- CreateIndex
CREATE INDEX "Visit_retailerId_date_idx" ON "Visit"("retailerId", "date");

-- CreateIndex
CREATE INDEX "Visit_date_status_idx" ON "Visit"("date", "status");

-- CreateIndex
CREATE INDEX "Visit_followUp_idx" ON "Visit"("followUp");

-- CreateIndex
CREATE INDEX "VisitLine_visitId_idx" ON "VisitLine"("visitId");

-- CreateIndex
CREATE INDEX "VisitLine_sku_kind_idx" ON "VisitLine"("sku", "kind");

-- CreateIndex
CREATE INDEX "Promotion_managerId_date_idx" ON "Promotion"("managerId", "date");

-- CreateIndex
CREATE INDEX "Promotion_date_status_idx" ON "Promotion"("date", "status");

-- CreateIndex
CREATE INDEX "PromotionRetailer_retailerId_idx" ON "PromotionRetailer"("retailerId");

-- CreateIndex
CREATE INDEX "PromotionLine_promotionId_idx" ON "PromotionLine"("promotionId");

-- CreateIndex
CREATE INDEX "PromotionLine_sku_idx" ON "PromotionLine"("sku");

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "CultivationTarget_team_month_sku_key" ON "CultivationTarget"("team", "month", "sku");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSkip_personId_retailerId_date_key" ON "PlanSkip"("personId", "retailerId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "QuizQuestion_lang_question_key" ON "QuizQuestion"("lang", "question");

-- CreateIndex
CREATE INDEX "QuizAnswer_questionId_idx" ON "QuizAnswer"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAnswer_personId_day_key" ON "QuizAnswer"("personId", "day");

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_personId_kind_day_key" ON "Outbox"("personId", "kind", "day");

