-- DropIndex
DROP INDEX "InboundMessage_channel_externalMessageId_key";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "InboundMessage" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "InboundMessage" ADD COLUMN "rawEscaped" TEXT;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN "claimToken" TEXT;

-- CreateIndex
CREATE INDEX "InboundMessage_status_receivedAt_idx" ON "InboundMessage"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_channel_externalUserId_externalMessageId_key" ON "InboundMessage"("channel", "externalUserId", "externalMessageId");

