using System;
using Concentrator.Core.Json;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.Sml;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Concentrator.Core.Tests.Desktop.DesktopOnly
{
    /// <summary>The steady-state SML paths (decode per file, failures, payload, request, push reading loop) allocate nothing.</summary>
    [TestClass]
    public class SmlAllocationTests
    {
        [TestMethod]
        public void Decoding_files_in_pieces_allocates_nothing()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            byte[] data = SmlFeed.Concat(SmlFeed.Concat(SmlFeed.Hex(SmlFiles.EhzFile), SmlFeed.Hex(SmlFiles.E750File)),
                                         SmlFeed.Concat(SmlFeed.Hex(SmlFiles.EhzKermitFile), SmlFeed.Hex(SmlFiles.EscapedFile)));
            int ready = 0;
            long allocated = Allocation.By(() =>
            {
                for (int piece = 1; piece <= 64; piece *= 2)
                {
                    int position = 0;
                    while (SmlFeed.Next(decoder, data, ref position, piece) == SmlStatus.FileReady)
                    {
                        ready++;
                    }
                }
            });

            Assert.AreEqual(0L, allocated, "bytes allocated while decoding 28 files in pieces");
            Assert.AreEqual(2 * 7 * 4, ready);
        }

        [TestMethod]
        public void Failures_and_salvage_are_recorded_without_allocating()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            byte[] good = SmlFeed.Hex(SmlFiles.EhzFile);
            byte[] badCrc = SmlFeed.With(good, good.Length - 1, 0x00);
            byte[] data = SmlFeed.Concat(SmlFeed.Concat(new byte[] { 0x41, 0x42 }, badCrc), SmlFeed.Concat(SmlFeed.Slice(good, 0, 121), good));
            long allocated = Allocation.By(() =>
            {
                int position = 0;
                while (position < data.Length)
                {
                    SmlFeed.Next(decoder, data, ref position, 32);
                }

                decoder.Finish(true);
            });

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(decoder.GetCount(SmlStatus.BadFileCrc) > 0);
            Assert.IsTrue(decoder.GetCount(SmlStatus.PartialFile) > 0);
            Assert.IsTrue(decoder.GetCount(SmlStatus.Truncated) > 0);
            Assert.IsTrue(decoder.GetCount(SmlStatus.GarbageSkipped) > 0);
        }

        [TestMethod]
        public void Formatting_the_payload_and_writing_a_request_allocate_nothing()
        {
            SmlFileDecoder decoder = SmlFeed.NewDecoder();
            Assert.AreEqual(SmlStatus.FileReady, SmlFeed.DecodeOne(decoder, SmlFeed.Hex(SmlFiles.E750File)));
            JsonWriter writer = new JsonWriter(8192);
            ReadingJsonFormatter formatter = new ReadingJsonFormatter();
            DateTime received = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
            SmlRequestWriter requests = new SmlRequestWriter(256);
            byte[] client = new byte[] { 1, 2, 3 };

            long allocated = Allocation.By(() =>
            {
                writer.Reset();
                formatter.WriteReadingsPayload(writer, "sml1", decoder.Readings, received);
                requests.WriteGetList(client, null, null, null, null, SmlCrcVariant.X25);
            });

            Assert.AreEqual(0L, allocated);
            Assert.IsFalse(writer.Overflowed);
        }

        [TestMethod]
        public void Push_reading_loop_allocates_nothing_per_file()
        {
            ScriptedByteLink link = new ScriptedByteLink(Allocation.Repeated(SmlFeed.Hex(SmlFiles.EhzFile), 20));
            RecordingSmlSink sink = new RecordingSmlSink();
            SmlPushReader reader = new SmlPushReader(link, SmlFeed.NewDecoder(), sink, new SmlPushReaderOptions());
            while (sink.Files == 0)
            {
                reader.Poll(); // warm up: the first whole file makes the reading set's readings (kept from then on)
            }

            long allocated = Allocation.UntilFinished(link, reader);
            Assert.AreEqual(0L, allocated);
            Assert.AreEqual(20, sink.Files);
        }
    }
}
