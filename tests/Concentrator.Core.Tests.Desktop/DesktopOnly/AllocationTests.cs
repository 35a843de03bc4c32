using System;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Json;
using Concentrator.Core.P1;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Iec62056;
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
        [TestMethod]
        public void Decoding_telegrams_allocates_nothing()
        {
            DsmrTelegramDecoder decoder = DsmrFeed.NewDecoder();
            byte[] data = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42 + DsmrTelegrams.IskraAm550Dsmr50 + DsmrTelegrams.BelgianEmucs + DsmrTelegrams.Dsmr22);
            int ready = 0;
            long allocated = Allocation.By(() =>
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
            long allocated = Allocation.By(() =>
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

            long allocated = Allocation.By(() =>
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
            ScriptedByteLink link = new ScriptedByteLink(Allocation.Repeated(Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42), 20));
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, new P1ReaderOptions());
            while (sink.Telegrams == 0)
            {
                reader.Poll(); // warm up: the first whole telegram makes the reading set's readings (kept from then on)
            }

            long allocated = Allocation.UntilFinished(link, reader);
            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(20, sink.Telegrams);
        }

        [TestMethod]
        public void Decoding_iec_readouts_allocates_nothing()
        {
            IecMessageDecoder decoder = IecFrames.NewDecoder();
            byte[] data = IecFrames.Readout(IecFrames.LandisGyrIdentification, IecFrames.LandisGyrData);
            int ready = 0;
            long allocated = Allocation.By(() =>
            {
                for (int piece = 1; piece <= 64; piece *= 2)
                {
                    int position = 0;
                    IecStatus status;
                    while ((status = IecFrames.Next(decoder, data, ref position, piece)) != IecStatus.NeedMoreData)
                    {
                        if (status == IecStatus.ReadoutReady)
                        {
                            ready++;
                        }
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated while decoding 7 readouts in pieces");
            Assert.AreEqual(2 * 7, ready);
        }

        [TestMethod]
        public void Iec_session_allocates_nothing_per_readout()
        {
            const string data = "1.8.0(0012345.678*kWh)\r\n2.8.0(0000012.000*kWh)\r\n!\r\n";
            object[] script = new object[12];
            for (int i = 0; i < script.Length; i += 4)
            {
                script[i] = "/?!\r\n";
                script[i + 1] = Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n");
                script[i + 2] = "\u0006050\r\n";
                script[i + 3] = IecFrames.DataMessage(data);
            }

            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, script);
            link.Echo = true;
            IecSession session = new IecSession(link, clock, IecFrames.NewDecoder(), new IecBaudMemory(4));
            IecSessionOptions options = new IecSessionOptions();
            Assert.AreEqual(IecSessionOutcome.ReadoutComplete, session.Run(options)); // warm up

            long before = GC.GetAllocatedBytesForCurrentThread();
            IecSessionOutcome second = session.Run(options);
            IecSessionOutcome third = session.Run(options);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(IecSessionOutcome.ReadoutComplete, second);
            Assert.AreEqual(IecSessionOutcome.ReadoutComplete, third);
            Assert.AreEqual(0L, allocated, "bytes allocated by two sessions (sign-on, echo, option select, switch, readout)");
        }
    }
}
