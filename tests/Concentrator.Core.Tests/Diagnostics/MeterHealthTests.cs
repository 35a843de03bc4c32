using Concentrator.Core.Commands;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Diagnostics
{
    [TestClass]
    public class MeterHealthTests
    {
        [TestMethod]
        public void New_meter_has_no_reading_age_link_or_error()
        {
            MeterHealthTable table = new MeterHealthTable(4, new ManualClock());
            table.Add("m1");
            MeterDiagnostics d = new MeterDiagnostics();
            Assert.IsTrue(table.Fill("m1", d));
            Assert.AreEqual(-1, (int)d.SecondsSinceReading);
            Assert.AreEqual(string.Empty, d.WorkingLink);
            Assert.AreEqual(string.Empty, d.LastError);
            Assert.IsFalse(table.Fill("m9", d), "unknown meter");
        }

        [TestMethod]
        public void Failures_count_in_a_row_go_offline_and_a_reading_recovers_keeping_the_last_error()
        {
            ManualClock clock = new ManualClock();
            MeterHealthTable table = new MeterHealthTable(4, clock);
            MeterHealth health = table.Add("m1");
            health.Reading("IEC C 9600 7E1");
            clock.Advance(5000);
            health.Failure("NoAnswer: no identification");
            health.Failure("LinkFailed: connection refused");
            health.SetOffline(true, null);
            clock.Advance(61000);

            MeterDiagnostics d = new MeterDiagnostics();
            table.Fill("m1", d);
            Assert.IsTrue(d.Offline);
            Assert.AreEqual(2, d.ConsecutiveFailures);
            Assert.AreEqual(2, (int)d.Failures);
            Assert.AreEqual(1, (int)d.Readings);
            Assert.AreEqual(66, (int)d.SecondsSinceReading);
            Assert.AreEqual("LinkFailed: connection refused", d.LastError);
            Assert.AreEqual("IEC C 9600 7E1", d.WorkingLink, "the link that worked stays");
            Assert.AreEqual(1, table.OfflineCount());

            health.Reading("IEC C 4800 7E1 fallback from 9600");
            table.Fill("m1", d);
            Assert.IsFalse(d.Offline);
            Assert.AreEqual(0, d.ConsecutiveFailures);
            Assert.AreEqual(0, (int)d.SecondsSinceReading);
            Assert.AreEqual("IEC C 4800 7E1 fallback from 9600", d.WorkingLink);
            Assert.AreEqual("LinkFailed: connection refused", d.LastError, "the last error stays visible after recovery");
            Assert.AreEqual(0, table.OfflineCount());
        }

        [TestMethod]
        public void Offline_reason_becomes_the_last_error()
        {
            MeterHealth health = new MeterHealth("p1", new ManualClock());
            health.SetOffline(true, "no data for 60 s");
            Assert.IsTrue(health.Offline);
            Assert.AreEqual("no data for 60 s", health.LastError);
        }

        [TestMethod]
        public void Long_or_unsafe_errors_are_shortened_at_a_word_for_one_sms()
        {
            Assert.AreEqual("timeout", MeterHealth.Shorten("timeout", 48));
            Assert.AreEqual("BCC mismatch: expected ?41 got ?42",
                MeterHealth.Shorten("BCC mismatch: expected [41 got ]42", 48));
            string shortened = MeterHealth.Shorten("NoAnswer: no identification within 1500 ms after the sign-on at 300 baud", 48);
            Assert.AreEqual("NoAnswer: no identification within 1500 ms..", shortened);
            Assert.IsTrue(shortened.Length <= 48);
            Assert.AreEqual(string.Empty, MeterHealth.Shorten(null, 48));
        }

        [TestMethod]
        public void The_same_error_text_is_not_shortened_again()
        {
            MeterHealth health = new MeterHealth("m1", new ManualClock());
            string error = "NoAnswer: no identification within 1500 ms after the sign-on at 300 baud";
            health.Failure(error);
            string first = health.LastError;
            health.Failure(error);
            Assert.AreSame(first, health.LastError);
        }
    }
}
