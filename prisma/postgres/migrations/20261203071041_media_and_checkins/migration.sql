-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "attachment" TEXT;

-- CreateTable
CREATE TABLE "InboundMedia" (
    "inboundId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "transcript" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMedia_pkey" PRIMARY KEY ("inboundId")
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "visitId" TEXT,
    "retailerId" TEXT,
    "day" TEXT NOT NULL,
    "takenAt" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Photo_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "distanceM" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "inboundId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundMedia_createdAt_idx" ON "InboundMedia"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Photo_mediaId_key" ON "Photo"("mediaId");

-- CreateIndex
CREATE INDEX "Photo_personId_day_idx" ON "Photo"("personId", "day");

-- CreateIndex
CREATE INDEX "Photo_visitId_idx" ON "Photo"("visitId");

-- CreateIndex
CREATE INDEX "Photo_retailerId_createdAt_idx" ON "Photo"("retailerId", "createdAt");

-- CreateIndex
CREATE INDEX "Photo_day_idx" ON "Photo"("day");

-- CreateIndex
CREATE INDEX "CheckIn_personId_day_idx" ON "CheckIn"("personId", "day");

-- CreateIndex
CREATE INDEX "CheckIn_retailerId_day_idx" ON "CheckIn"("retailerId", "day");

-- AddForeignKey
ALTER TABLE "InboundMedia" ADD CONSTRAINT "InboundMedia_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "InboundMedia"("inboundId") ON DELETE CASCADE ON UPDATE CASCADE;

