using Concentrator.Core.Iec62056;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Tests.Iec62056;
using Concentrator.Core.Tests.Scheduling.Readers;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Diagnostics
{
    /// <summary>The IEC reader says which link settings its last good session used (DIAG's LINK).</summary>
    [TestClass]
    public class IecWorkingLinkTests
    {
        [TestMethod]
        public void Mode_c_at_the_meters_baud_then_capped_and_the_text_rebuilt_only_on_a_change()
        {
            ManualClock clock = new ManualClock();
            byte[] identification = Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n");
            byte[] readout = IecFrames.DataMessage("1.8.0(0012345.678*kWh)\r\n!\r\n");
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", identification, "\u0006050\r\n", readout,
                "/?!\r\n", identification, "\u0006030\r\n", readout,
                "/?!\r\n", identification, "\u0006030\r\n", readout,
            });
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());
            MeterDefinition meter = IecMeterReaderTests.Meter(string.Empty);
            Assert.AreEqual(string.Empty, reader.WorkingLink, "no good session yet");

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(meter, 30000), reader.LastError);
            Assert.AreEqual("IEC C 9600 7E1", reader.WorkingLink);

            meter.BaudCap = 2400;
            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(meter, 30000), reader.LastError);
            string capped = reader.WorkingLink;
            Assert.AreEqual("IEC C 2400 7E1 cap (meter 9600)", capped);

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(meter, 30000), reader.LastError);
            Assert.AreSame(capped, reader.WorkingLink, "the same settings reuse the text");
        }
    }
}
