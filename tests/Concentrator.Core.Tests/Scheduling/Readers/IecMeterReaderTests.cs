using Concentrator.Core.Iec62056;
using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Tests.Dsmr;
using Concentrator.Core.Tests.Iec62056;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Scheduling.Readers
{
    [TestClass]
    public class IecMeterReaderTests
    {
        private const string Data = "1.8.0(0012345.678*kWh)\r\n2.8.0(0000012.000*kWh)\r\n!\r\n";

        internal static MeterDefinition Meter(string address)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = "opto-1";
            meter.Port = MeterPort.Optical;
            meter.Protocol = MeterProtocol.Iec62056_21;
            meter.Address = address;
            return meter;
        }

        [TestMethod]
        public void A_readout_is_read_with_the_meters_address_and_its_values_are_the_readers()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[]
            {
                "/?12345678!\r\n", Ascii.Bytes("/LGZ5ZMD3104407.B32\r\n"),
                "\u0006050\r\n", IecFrames.DataMessage(Data),
            });
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());

            Assert.AreEqual((int)MeterReadStatus.Ok, (int)reader.Read(Meter("12345678"), 30000), reader.LastError);
            Assert.IsNull(reader.LastError);
            Assert.AreEqual(12345678L, DsmrFeed.Find(reader.Readings, "1-0:1.8.0").Mantissa);
            Assert.AreEqual("/?12345678!\r\n\u0006050\r\n", link.WrittenText);
        }

        [TestMethod]
        public void A_silent_meter_is_no_answer_within_the_budget()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[0]);
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());

            Assert.AreEqual((int)MeterReadStatus.NoAnswer, (int)reader.Read(Meter(string.Empty), 20000));
            Assert.IsTrue(clock.Now <= 20000, "took " + clock.Now.ToString() + " ms of a 20000 ms budget");
            Assert.AreEqual("NoAnswer: no identification after the sign-on: the meter was silent", reader.LastError);
        }

        [TestMethod]
        [DataRow(60000, 4)]
        [DataRow(20000, 2)]
        [DataRow(5000, 1)]
        public void Attempts_are_fitted_into_the_budget(int budget, int attempts)
        {
            ManualClock clock = new ManualClock();
            IecSessionOptions template = new IecSessionOptions();
            IecMeterReader reader = new IecMeterReader(new IecSession(new ScriptedMeterLink(clock, new object[0]), clock, IecFrames.NewDecoder(), null), template);

            reader.Read(Meter(string.Empty), budget);
            IecSessionOptions used = reader.LastOptions;
            Assert.AreEqual(attempts, used.MaxAttempts);
            int between = template.RetryPauseMilliseconds + IecSessionOptions.DefaultWakeUpMilliseconds + template.WakeUpPauseMilliseconds;
            Assert.IsTrue(used.MaxAttempts * used.TotalTimeoutMilliseconds + (used.MaxAttempts - 1) * between <= budget,
                used.MaxAttempts.ToString() + " x " + used.TotalTimeoutMilliseconds.ToString() + " ms");
            Assert.IsTrue(clock.Now <= budget + template.RetryPauseMilliseconds, "took " + clock.Now.ToString() + " ms of " + budget.ToString());

            // The template is the port's: a read never changes it.
            Assert.AreEqual(4, template.MaxAttempts);
            Assert.AreEqual(0, template.TotalTimeoutMilliseconds);
        }

        [TestMethod]
        public void A_meter_of_another_protocol_is_not_supported_and_the_line_stays_quiet()
        {
            ManualClock clock = new ManualClock();
            ScriptedMeterLink link = new ScriptedMeterLink(clock, new object[0]);
            IecMeterReader reader = new IecMeterReader(new IecSession(link, clock, IecFrames.NewDecoder(), null), new IecSessionOptions());
            MeterDefinition meter = Meter(string.Empty);
            meter.Protocol = MeterProtocol.DlmsHdlc;

            Assert.AreEqual((int)MeterReadStatus.NotSupported, (int)reader.Read(meter, 30000));
            Assert.AreEqual("meter 'opto-1' is not an IEC 62056-21 meter", reader.LastError);
            Assert.AreEqual(0, link.WrittenLength);
        }

        [TestMethod]
        public void Outcomes_map_to_scheduler_statuses()
        {
            Assert.AreEqual((int)MeterReadStatus.Ok, (int)IecMeterReader.StatusOf(IecSessionOutcome.RegistersRead));
            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)IecMeterReader.StatusOf(IecSessionOutcome.ReadoutFailed));
            Assert.AreEqual((int)MeterReadStatus.BadAnswer, (int)IecMeterReader.StatusOf(IecSessionOutcome.IdentificationFailed));
            Assert.AreEqual((int)MeterReadStatus.Refused, (int)IecMeterReader.StatusOf(IecSessionOutcome.PasswordRejected));
            Assert.AreEqual((int)MeterReadStatus.LinkFailure, (int)IecMeterReader.StatusOf(IecSessionOutcome.LinkFailed));
            Assert.AreEqual((int)MeterReadStatus.NotSupported, (int)IecMeterReader.StatusOf(IecSessionOutcome.HandedOver));
        }
    }
}
