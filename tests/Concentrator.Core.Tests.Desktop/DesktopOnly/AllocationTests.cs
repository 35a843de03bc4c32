using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Json;
using Concentrator.Core.P1;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.P1;
using Concentrator.Core.Tests.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>
    /// The steady-state per-telegram path allocates nothing (the firmware has ~100 KB of heap and a GC pause is a
    /// lost byte on a UART). Measured with the runtime's per-thread allocation counter; the benchmarks report the same.
    /// </summary>
    [TestClass]
    public class AllocationTests
    {
        internal static long AllocatedBy(Action action)
        {
            action(); // warm up: static tables, JIT
            long before = GC.GetAllocatedBytesForCurrentThread();
            action();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [TestMethod]
        public void Decoding_telegrams_allocates_nothing()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42 + DsmrTelegrams.IskraAm550Dsmr50 + DsmrTelegrams.BelgianEmucs + DsmrTelegrams.Dsmr22);
            int ready = 0;
            long allocated = AllocatedBy(() =>
            {
                for (int piece = 1; piece <= 64; piece *= 2)
                {
                    int position = 0;
                    while (DsmrFeed.Next(decoder, data, ref position, piece) == DsmrStatus.TelegramReady)
                    {
                        ready++;
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated while decoding 28 telegrams in pieces");
            Assert.AreEqual(2 * 7 * 4, ready);
        }

        [TestMethod]
        public void Failures_are_recorded_without_allocating()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            string good = DsmrTelegrams.LandisGyrE350Dsmr42;
            byte[] data = Ascii.Bytes("garbage" + good.Replace("BB2A", "BB2B") + good.Substring(0, 100) + DsmrTelegrams.Dsmr22.Replace("1-0:1.8.1(", "1-0:1.8.1 ") + good);
            long allocated = AllocatedBy(() =>
            {
                int position = 0;
                while (position < data.Length)
                {
                    DsmrFeed.Next(decoder, data, ref position, 32);
                }
            });

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(decoder.GetCount(DsmrStatus.MalformedLine) > 0);
            Assert.IsTrue(decoder.GetCount(DsmrStatus.BadCrc) > 0);
            Assert.IsTrue(decoder.GetCount(DsmrStatus.Truncated) > 0);
            Assert.IsTrue(decoder.GetCount(DsmrStatus.GarbageSkipped) > 0);
        }

        [TestMethod]
        public void Formatting_the_payload_allocates_nothing()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.BelgianEmucs);
            int position = 0;
            Assert.AreEqual(DsmrStatus.TelegramReady, DsmrFeed.Next(decoder, data, ref position, data.Length));
            JsonWriter writer = new JsonWriter(4096);
            ReadingJsonFormatter formatter = new ReadingJsonFormatter();
            DateTime received = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);

            long allocated = AllocatedBy(() =>
            {
                writer.Reset();
                formatter.WriteReadingsPayload(writer, "p1", decoder.Readings, received);
                writer.Reset();
                formatter.WriteDecodeResult(writer, decoder.Readings);
            });

            Assert.AreEqual(0L, allocated);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void Reading_loop_allocates_nothing_per_telegram()
        {
            byte[] telegram = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            object[] steps = new object[40];
            for (int i = 0; i < steps.Length; i += 2)
            {
                steps[i] = telegram;
            }

            ScriptedByteLink link = new ScriptedByteLink(steps);
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, new P1ReaderOptions());
            reader.Poll(); // warm up

            long before = GC.GetAllocatedBytesForCurrentThread();
            while (!link.Finished)
            {
                reader.Poll();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(20, sink.Telegrams);
        }
    }
}
