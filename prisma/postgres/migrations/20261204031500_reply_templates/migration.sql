-- Each village's reply templates.
CREATE TABLE "ReplyTemplate" (
    "id" SERIAL NOT NULL,
    "villageId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ReplyTemplate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ReplyTemplate_villageId_position_idx" ON "ReplyTemplate"("villageId", "position");
ALTER TABLE "ReplyTemplate" ADD CONSTRAINT "ReplyTemplate_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village"("id") ON DELETE CASCADE ON UPDATE CASCADE;
