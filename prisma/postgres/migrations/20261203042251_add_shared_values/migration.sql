-- CreateTable
CREATE TABLE "SharedValue" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedValue_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SharedValue_expiresAt_idx" ON "SharedValue"("expiresAt");

