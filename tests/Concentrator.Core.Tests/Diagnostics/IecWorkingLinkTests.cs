using Concentrator.Core.Iec62056;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Tests.Iec62056;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Diagnostics
{
    /// <summary>The IEC reader says which link settings its last good session used (DIAG's LINK).</summary>
    [TestClass]
    public class IecWorkingLinkTests
    {
        private const string Data = "1.8.0(0012345.678*kWh)\r\n!\r\n";

        private static MeterDefinition Meter(int baudCap)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "opto-1";
            meter.Port = MeterPort.Optical;
            meter.Protocol = MeterProtocol.Iec62056_21;
            meter.Address = string.Empty;
            meter.BaudCap = baudCap;
            return meter;
        }

        [TestMethod]
        public void Mode_c_at_the_meters_baud_then_capped_by_the_meters_setting()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"), "\u0006050\r\n", IecFrames.DataMessage(Data),
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"), "\u0006030\r\n", IecFrames.DataMessage(Data),
            });
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());
            Assert.AreEqual(string.Empty, reader.WorkingLink, "no good session yet");

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(Meter(0), 30000), reader.LastError);
            string first = reader.WorkingLink;
            Assert.AreEqual("IEC C 9600 7E1", first);

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(Meter(2400), 30000), reader.LastError);
            Assert.AreEqual("IEC C 2400 7E1 cap (meter 9600)", reader.WorkingLink);
        }

        [TestMethod]
        public void The_text_is_rebuilt_only_when_the_settings_change()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"), "\u0006050\r\n", IecFrames.DataMessage(Data),
                "/?!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"), "\u0006050\r\n", IecFrames.DataMessage(Data),
            });
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());
            reader.Read(Meter(0), 30000);
            string first = reader.WorkingLink;
            reader.Read(Meter(0), 30000);
            Assert.AreSame(first, reader.WorkingLink);
        }
    }
}
