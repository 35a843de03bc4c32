using Concentrator.Core.Io;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Sml
{
    [TestClass]
    public class SmlPushReaderTests
    {
        private static SmlPushReaderOptions Options()
        {
            SmlPushReaderOptions options = new SmlPushReaderOptions();
            options.ReadTimeoutMilliseconds = 100;
            options.InterByteTimeoutMilliseconds = 300;
            options.SilenceAlarmMilliseconds = 1000;
            return options;
        }

        [TestMethod]
        public void Files_arriving_in_pieces_are_delivered()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { SmlFeed.Slice(file, 0, 100), null, SmlFeed.Slice(file, 100, file.Length - 100), file });
            RecordingSmlSink sink = new RecordingSmlSink();
            SmlPushReader reader = new SmlPushReader(link, SmlFeed.NewDecoder(), sink, Options());
            for (int i = 0; i < 12; i++)
            {
                reader.Poll();
            }

            Assert.AreEqual(2, sink.Files);
            Assert.AreEqual(12, sink.LastCount);
            Assert.AreEqual(0, sink.Failures);
            Assert.AreEqual(2L * file.Length, reader.BytesReceived);
        }

        [TestMethod]
        public void File_stopping_midway_is_truncated_after_the_inter_byte_limit_and_silence_is_reported_once()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { SmlFeed.Slice(file, 0, 100) });
            RecordingSmlSink sink = new RecordingSmlSink();
            SmlPushReader reader = new SmlPushReader(link, SmlFeed.NewDecoder(), sink, Options());
            for (int i = 0; i < 30; i++)
            {
                reader.Poll();
            }

            Assert.AreEqual(1, sink.Failures);
            Assert.AreEqual((int)SmlStatus.Truncated, (int)sink.LastFailure);
            Assert.AreEqual(0, sink.Files);
            Assert.AreEqual(1, sink.Silences);
        }

        [TestMethod]
        public void Partial_file_reports_the_failure_and_then_the_good_readings()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            file = SmlFeed.With(file, file.Length - 1, (byte)(file[file.Length - 1] ^ 1));
            ScriptedByteLink link = new ScriptedByteLink(new object[] { file });
            RecordingSmlSink sink = new RecordingSmlSink();
            SmlPushReader reader = new SmlPushReader(link, SmlFeed.NewDecoder(), sink, Options());
            reader.Poll();
            reader.Poll(); // 256 bytes per read

            Assert.AreEqual(1, sink.Failures);
            Assert.AreEqual((int)SmlStatus.BadFileCrc, (int)sink.LastFailure);
            Assert.AreEqual(1, sink.PartialFiles);
            Assert.AreEqual(12, sink.LastCount);
        }

        [TestMethod]
        public void Failed_link_resets_the_decoder()
        {
            byte[] file = SmlFeed.Hex(SmlFiles.EhzFile);
            ScriptedByteLink link = new ScriptedByteLink(new object[] { SmlFeed.Slice(file, 0, 100), LinkStatus.Fault, file });
            RecordingSmlSink sink = new RecordingSmlSink();
            SmlPushReader reader = new SmlPushReader(link, SmlFeed.NewDecoder(), sink, Options());
            reader.Poll();
            Assert.AreEqual((int)LinkStatus.Fault, (int)reader.Poll());
            Assert.IsFalse(reader.Decoder.InFile);
            reader.Poll();
            reader.Poll();
            Assert.AreEqual(1, sink.Files);
            Assert.AreEqual(0, sink.Failures);
        }
    }
}
