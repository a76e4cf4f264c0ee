-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN "messageId" TEXT;
ALTER TABLE "AuditEntry" ADD COLUMN "reverts" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");

