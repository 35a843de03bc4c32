using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Core.Tests.Io;
using Concentrator.Core.Tests.Sml;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling.Readers
{
    [TestClass]
    public class SmlPullMeterReaderTests
    {
        private static MeterDefinition SmlMeter()
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "sml-gw";
            meter.Port = MeterPort.Tcp;
            meter.Protocol = MeterProtocol.Sml;
            meter.Address = "10.0.0.9:7259";
            meter.IntervalSeconds = 60;
            return meter;
        }

        private static SmlPullMeterReader NewReader(ScriptedByteLink link, SmlClientOptions options)
        {
            return new SmlPullMeterReader(new SmlClientSession(link, SmlFeed.NewDecoder(), options), options);
        }

        [TestMethod]
        public void Answer_is_a_read_with_its_readings()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, SmlFeed.Hex(SmlClientFiles.ResponseToFirst) });
            SmlPullMeterReader reader = NewReader(link, new SmlClientOptions());

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(SmlMeter(), 30000));
            Assert.IsNull(reader.LastError);
            Assert.AreEqual(1, reader.Readings.Count);
            Assert.AreEqual(5555L, reader.Readings[0].Mantissa);
        }

        [TestMethod]
        public void Silence_is_bounded_by_the_budget()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[0]);
            SmlClientOptions options = new SmlClientOptions();
            SmlPullMeterReader reader = NewReader(link, options);

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(SmlMeter(), 1000));
            Assert.AreEqual(1000, options.SilenceTimeoutMilliseconds);
            Assert.AreEqual(1000 / options.ReadTimeoutMilliseconds, link.TimeoutsServed - 1); // one more for the drain
            Assert.AreEqual("no SML answer within 1000 ms", reader.LastError);

            // A budget below one read timeout still waits one whole read.
            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(SmlMeter(), 10));
            Assert.AreEqual(options.ReadTimeoutMilliseconds, options.SilenceTimeoutMilliseconds);
        }

        [TestMethod]
        public void Lost_connection_is_a_link_failure()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, LinkStatus.Closed });
            SmlPullMeterReader reader = NewReader(link, new SmlClientOptions());

            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)reader.Read(SmlMeter(), 30000));
            Assert.AreEqual("link closed", reader.LastError);
        }

        [TestMethod]
        public void Attention_is_a_refusal_and_another_protocol_is_not_supported()
        {
            ScriptedByteLink link = new ScriptedByteLink(new object[] { null, SmlFeed.Hex(SmlFiles.AttentionFile) });
            SmlPullMeterReader reader = NewReader(link, new SmlClientOptions());

            Assert.AreEqual((int)MeterReadStatus.Refused, (int)reader.Read(SmlMeter(), 30000));

            MeterDefinition dsmr = SmlMeter();
            dsmr.Protocol = MeterProtocol.Dsmr;
            Assert.AreEqual((int)MeterReadStatus.NotSupported, (int)reader.Read(dsmr, 30000));
            Assert.AreEqual("meter 'sml-gw' is not an SML meter", reader.LastError);
        }
    }
}
