-- A JobRun records its process (host, pid) and a heartbeat, so a run whose process was killed
-- (SIGKILL, power loss) is marked "abandoned" at the next start instead of "running" forever.
-- Runs still "running" from before this migration have no heartbeat: the next start judges them
-- by startedAt.
ALTER TABLE "JobRun" ADD COLUMN "host" TEXT;
ALTER TABLE "JobRun" ADD COLUMN "pid" INTEGER;
ALTER TABLE "JobRun" ADD COLUMN "heartbeatAt" DATETIME;

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");
