using Concentrator.Core.Forwarding;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Forwarding
{
    [TestClass]
    public class ReplayPacerTests
    {
        [TestMethod]
        public void A_burst_goes_at_once_then_the_rate_holds()
        {
            ReplayPacer pacer = new ReplayPacer(10, 3);
            Assert.IsTrue(pacer.TryTake(1000));
            Assert.IsTrue(pacer.TryTake(1000));
            Assert.IsTrue(pacer.TryTake(1000));
            Assert.IsFalse(pacer.TryTake(1000));
            Assert.AreEqual(100, pacer.MillisecondsUntilNext(1000));
            Assert.IsFalse(pacer.TryTake(1099));
            Assert.IsTrue(pacer.TryTake(1100));
            Assert.IsFalse(pacer.TryTake(1100));
        }

        [TestMethod]
        public void Over_ten_seconds_the_count_matches_the_rate_plus_the_burst()
        {
            ReplayPacer pacer = new ReplayPacer(20, 5);
            int taken = 0;
            for (long now = 0; now <= 10000; now++)
            {
                while (pacer.TryTake(now))
                {
                    taken++;
                }
            }

            Assert.AreEqual(5 + 200, taken);
        }

        [TestMethod]
        public void A_long_pause_refills_only_up_to_the_burst()
        {
            ReplayPacer pacer = new ReplayPacer(100, 2);
            pacer.TryTake(0);
            pacer.TryTake(0);
            int taken = 0;
            while (pacer.TryTake(60000))
            {
                taken++;
            }

            Assert.AreEqual(2, taken);
        }
    }
}
