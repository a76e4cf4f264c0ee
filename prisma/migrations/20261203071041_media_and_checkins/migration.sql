-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN "attachment" TEXT;

-- CreateTable
CREATE TABLE "InboundMedia" (
    "inboundId" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BLOB NOT NULL,
    "transcript" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboundMedia_inboundId_fkey" FOREIGN KEY ("inboundId") REFERENCES "InboundMessage" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mediaId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "visitId" TEXT,
    "retailerId" TEXT,
    "day" TEXT NOT NULL,
    "takenAt" TEXT,
    "lat" REAL,
    "lng" REAL,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Photo_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "InboundMedia" ("inboundId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "retailerId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "lat" REAL NOT NULL,
    "lng" REAL NOT NULL,
    "distanceM" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,
    "inboundId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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

