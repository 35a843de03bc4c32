using Concentrator.Core.Timing;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Timing
{
    [TestClass]
    public class ReportThrottleTests
    {
        [TestMethod]
        public void One_report_per_interval_passes_and_the_rest_are_counted()
        {
            ReportThrottle throttle = new ReportThrottle(60000);

            Assert.IsTrue(throttle.IsOpen(1000));
            throttle.Passed(1000);
            Assert.IsFalse(throttle.IsOpen(2000));
            Assert.IsFalse(throttle.IsOpen(60999));
            Assert.AreEqual(2, throttle.Suppressed);

            Assert.IsTrue(throttle.IsOpen(61000));
            Assert.AreEqual(2, throttle.Suppressed);
            throttle.Passed(61000);
            Assert.AreEqual(0, throttle.Suppressed);
        }

        [TestMethod]
        public void Clock_jumping_backwards_lets_the_next_report_through()
        {
            ReportThrottle throttle = new ReportThrottle(60000);
            throttle.Passed(1700000000000L);

            Assert.IsTrue(throttle.IsOpen(5000));
        }

        [TestMethod]
        public void Zero_interval_never_holds_back()
        {
            ReportThrottle throttle = new ReportThrottle(0);
            throttle.Passed(10);

            Assert.IsTrue(throttle.IsOpen(10));
        }
    }
}
