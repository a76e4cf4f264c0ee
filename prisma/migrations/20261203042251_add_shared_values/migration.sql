-- CreateTable
CREATE TABLE "SharedValue" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SharedValue_expiresAt_idx" ON "SharedValue"("expiresAt");

