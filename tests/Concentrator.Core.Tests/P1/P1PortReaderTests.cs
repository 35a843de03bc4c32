using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
using Concentrator.Core.P1;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.P1
{
    [TestClass]
    public class P1PortReaderTests
    {
        private static P1ReaderOptions Options()
        {
            P1ReaderOptions options = new P1ReaderOptions();
            options.ReadTimeoutMilliseconds = 100;
            options.InterByteTimeoutMilliseconds = 500;
            options.SilenceAlarmMilliseconds = 1000;
            options.ReadBufferSize = 64;
            return options;
        }

        private static void PollUntilFinished(P1PortReader reader, ScriptedByteLink link, int extraPolls)
        {
            int guard = 0;
            while (!link.Finished && guard++ < 10000)
            {
                reader.Poll();
            }

            for (int i = 0; i < extraPolls; i++)
            {
                reader.Poll();
            }
        }

        [TestMethod]
        public void Telegrams_in_pieces_with_pauses_between_are_delivered()
        {
            byte[] telegram = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { telegram, null, null, telegram, null });
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, Options());

            PollUntilFinished(reader, link, 0);

            Assert.AreEqual(2, sink.Telegrams);
            Assert.AreEqual(DsmrTelegrams.LandisGyrE350Readings, sink.LastReadingCount);
            Assert.AreEqual(0, sink.Failures);
            Assert.AreEqual((long)(2 * telegram.Length), reader.BytesReceived);
        }

        [TestMethod]
        public void Silence_in_the_middle_of_a_telegram_reports_it_truncated_then_the_next_is_read()
        {
            string full = DsmrTelegrams.LandisGyrE350Dsmr42;
            byte[] head = Ascii.Bytes(full.Substring(0, 200));
            object[] steps = new object[] { head, null, null, null, null, null, Ascii.Bytes(full) };
            ScriptedByteLink link = new ScriptedByteLink(steps);
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, Options());

            PollUntilFinished(reader, link, 0);

            Assert.AreEqual(1, sink.Failures);
            Assert.AreEqual((int)DsmrStatus.Truncated, (int)sink.LastFailureKind);
            Assert.AreEqual("truncated telegram: ended after 200 bytes without its '!' end marker (the line went silent)", sink.LastFailure);
            Assert.AreEqual(1, sink.Telegrams);
        }

        [TestMethod]
        public void A_silent_meter_is_reported_once_per_silence()
        {
            byte[] telegram = Ascii.Bytes(DsmrTelegrams.LandisGyrE350Dsmr42);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { telegram });
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, Options());

            PollUntilFinished(reader, link, 25); // 25 timeouts of 100 ms = 2.5 s of silence

            Assert.AreEqual(1, sink.Telegrams);
            Assert.AreEqual(1, sink.Silences);
            Assert.AreEqual(1000, sink.LastSilence);
        }

        [TestMethod]
        public void Link_failure_drops_the_partial_telegram_without_a_false_report()
        {
            string full = DsmrTelegrams.LandisGyrE350Dsmr42;
            object[] steps = new object[] { Ascii.Bytes(full.Substring(0, 64)), LinkStatus.Closed, Ascii.Bytes(full) };
            ScriptedByteLink link = new ScriptedByteLink(steps);
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, Options());

            Assert.AreEqual((int)LinkStatus.Ok, (int)reader.Poll());
            Assert.AreEqual((int)LinkStatus.Closed, (int)reader.Poll());
            PollUntilFinished(reader, link, 0);

            Assert.AreEqual(1, sink.Telegrams);
            Assert.AreEqual(0, sink.Failures);
        }

        [TestMethod]
        public void Bad_telegram_is_reported_and_the_reader_goes_on()
        {
            byte[] bad = Ascii.Bytes(DsmrTelegrams.SeedE350);
            byte[] good = Ascii.Bytes(DsmrTelegrams.IskraAm550Dsmr50);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { bad, good });
            RecordingTelegramSink sink = new RecordingTelegramSink();
            P1PortReader reader = new P1PortReader(link, DsmrFeed.NewDecoder(), sink, Options());

            PollUntilFinished(reader, link, 0);

            Assert.AreEqual(1, sink.Failures);
            Assert.AreEqual("CRC mismatch: telegram says 0C97, computed 3030", sink.LastFailure);
            Assert.AreEqual(1, sink.Telegrams);
        }

        [TestMethod]
        public void Constructor_rejects_missing_parts()
        {
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new P1PortReader(null, DsmrFeed.NewDecoder(), new RecordingTelegramSink(), null));
            Assert.ThrowsException(typeof(System.ArgumentNullException), () => new P1PortReader(new ScriptedByteLink(new object[0]), null, new RecordingTelegramSink(), null));
        }

        [TestMethod]
        public void P1_line_settings_match_the_standard()
        {
            Assert.AreEqual("115200 8N1 inverted", P1LineSettings.Dsmr4.ToString());
            Assert.AreEqual("9600 7E1 inverted", P1LineSettings.Dsmr2.ToString());
            Assert.AreEqual(10, P1LineSettings.Dsmr2.BitsPerCharacter); // start, 7 data, parity, stop
            Assert.AreEqual(86805L, P1LineSettings.Dsmr4.WireMicroseconds(1000)); // 1000 bytes × 10 bits at 115200 baud
        }
    }
}
