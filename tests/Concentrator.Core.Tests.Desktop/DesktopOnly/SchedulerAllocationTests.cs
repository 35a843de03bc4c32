using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Quality;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Quality;
using Concentrator.Core.Tests.Scheduling;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The poll cycle allocates nothing: scheduler ticks (reads, retries, offline probes, missed slots), the quality
    /// check, the scheduled P1 read and the payload with flags. Also the memory a 31-meter bus takes, measured here.
    /// </summary>
    [TestClass]
    public class SchedulerAllocationTests
    {
        private static PortScheduler Bus(FakeScheduleClock clock, int meters, RecordingReadSink sink, out FakeMeterReader[] readers)
        {
            MeterDefinition[] definitions = new MeterDefinition[meters];
            readers = new FakeMeterReader[meters];
            IMeterReader[] asReaders = new IMeterReader[meters];
            for (int i = 0; i < meters; i++)
            {
                definitions[i] = SchedulerRun.Meter("bus-" + i.ToString("00"), i % 3 == 0 ? 60 : 900, (ReadPriority)(i % 3));
                readers[i] = i == 1 ? FakeMeterReader.SilentMeter(clock) : i == 2 ? FakeMeterReader.Broken(clock, 50) : FakeMeterReader.Good(clock, 150);
                asReaders[i] = readers[i];
            }

            return new PortScheduler(definitions, asReaders, clock, SchedulerRun.Options(2000, 2, 3), sink);
        }

        [TestMethod]
        public void Scheduler_ticks_allocate_nothing()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 7, 13);
            RecordingReadSink sink = new RecordingReadSink();
            FakeMeterReader[] readers;
            PortScheduler scheduler = Bus(clock, 31, sink, out readers);
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(10, 30, 0)); // warm up: every path once

            long before = GC.GetAllocatedBytesForCurrentThread();
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(12, 0, 0));
            readers[0].DurationMilliseconds = 200000; // an overrun: slots of others are missed and reported
            SchedulerRun.Until(scheduler, clock, FakeScheduleClock.At(12, 10, 0));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 100 minutes of a 31-meter bus");
            Assert.IsTrue(sink.ReadingCount > 300, "reads happened: " + sink.ReadingCount);
            Assert.IsTrue(sink.OfflineEvents >= 2 && sink.FailureCount > 0 && sink.MissedReported > 0);
        }

        [TestMethod]
        public void Quality_check_and_flagged_payload_allocate_nothing()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            QualityChecker checker = new QualityChecker(31, 16, new QualityLimits());
            JsonWriter writer = new JsonWriter(4096);
            ReadingJsonFormatter formatter = new ReadingJsonFormatter();
            ReadingSet set = QualityTelegrams.Decode(decoder, QualityTelegrams.Body("261121101000W", "003235.689", "612.0", "01.193", "261121050000W"));
            DateTime now = new DateTime(2026, 11, 21, 9, 10, 0, DateTimeKind.Utc);
            checker.Check(5, set, now); // warm up

            long before = GC.GetAllocatedBytesForCurrentThread();
            ReadingFlags flags = ReadingFlags.None;
            for (int i = 0; i < 100; i++)
            {
                flags = checker.Check(i % 31, set, now.AddSeconds(i));
                writer.Reset();
                formatter.WriteReadingsPayload(writer, "bus-01", set, now);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.IsTrue((flags & ReadingFlags.OutOfRange) != 0 && (flags & ReadingFlags.Stale) != 0);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void A_scheduled_p1_read_allocates_nothing()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            byte[] telegram = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            object[] steps = new object[60];
            for (int i = 0; i < steps.Length; i += 3)
            {
                steps[i] = telegram; // dropped as old
                steps[i + 2] = telegram; // read
            }

            P1MeterReader reader = new P1MeterReader(new ClockedByteLink(steps, clock), DsmrFeed.NewDecoder(), clock, 250, 256);
            MeterDefinition meter = SchedulerRun.Meter("p1", 10, ReadPriority.Instantaneous);
            Assert.AreEqual(MeterReadStatus.Ok, reader.Read(meter, 2000));

            long before = GC.GetAllocatedBytesForCurrentThread();
            int ok = 0;
            for (int i = 1; i < 20; i++)
            {
                if (reader.Read(meter, 2000) == MeterReadStatus.Ok)
                {
                    ok++;
                }
            }

            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(19, ok);
        }

        /// <summary>
        /// The heap a 31-meter bus takes beyond the readers: the scheduler's per-meter state and the quality checker's
        /// register table, measured on desktop .NET (64-bit: larger headers and references than nanoFramework's 12-byte
        /// heap blocks; the note and the README convert). Fails when the state grows past the budget it was measured at.
        /// </summary>
        [TestMethod]
        public void A_31_meter_bus_fits_its_heap_budget()
        {
            FakeScheduleClock clock = new FakeScheduleClock(10, 0, 0);
            MeterDefinition[] definitions = new MeterDefinition[31];
            IMeterReader[] readers = new IMeterReader[31];
            for (int i = 0; i < 31; i++)
            {
                definitions[i] = SchedulerRun.Meter("bus-" + i.ToString("00"), 900, ReadPriority.Billing);
                readers[i] = FakeMeterReader.Good(clock, 100);
            }

            RecordingReadSink sink = new RecordingReadSink();
            SchedulerOptions options = new SchedulerOptions();
            long before = GC.GetAllocatedBytesForCurrentThread();
            PortScheduler scheduler = new PortScheduler(definitions, readers, clock, options, sink);
            long schedulerBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            before = GC.GetAllocatedBytesForCurrentThread();
            QualityChecker checker = new QualityChecker(31, 16, new QualityLimits());
            long checkerBytes = GC.GetAllocatedBytesForCurrentThread() - before;

            OutputHelperLine("scheduler, 31 meters: " + schedulerBytes + " bytes (" + (schedulerBytes / 31) + " per meter); quality checker 31 x 16 registers: " + checkerBytes + " bytes");
            Assert.IsTrue(schedulerBytes < 31 * 400, "scheduler state " + schedulerBytes + " bytes");
            Assert.IsTrue(checkerBytes < 31 * 16 * 17 + 1024, "checker table " + checkerBytes + " bytes");
            Assert.AreEqual(31, scheduler.Count);
            Assert.AreEqual(31, checker.Meters);
        }

        private static void OutputHelperLine(string text)
        {
            Console.WriteLine(text);
        }
    }
}
