using System;
using Concentrator.Core.Timing;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Timing
{
    [TestClass]
    public class RetryBackoffTests
    {
        [TestMethod]
        public void Delay_doubles_up_to_the_ceiling_and_reset_starts_again()
        {
            RetryBackoff backoff = new RetryBackoff(1000, 5000);

            Assert.AreEqual(1000, backoff.NextDelay());
            Assert.AreEqual(2000, backoff.NextDelay());
            Assert.AreEqual(4000, backoff.NextDelay());
            Assert.AreEqual(5000, backoff.NextDelay());
            Assert.AreEqual(5000, backoff.NextDelay());
            Assert.AreEqual(5, backoff.Failures);

            backoff.Reset();
            Assert.AreEqual(0, backoff.Failures);
            Assert.AreEqual(1000, backoff.NextDelay());
        }

        [TestMethod]
        public void Ceiling_near_int_max_never_overflows()
        {
            RetryBackoff backoff = new RetryBackoff(1 << 29, int.MaxValue);

            Assert.AreEqual(1 << 29, backoff.NextDelay());
            Assert.AreEqual(1 << 30, backoff.NextDelay());
            Assert.AreEqual(int.MaxValue, backoff.NextDelay());
            Assert.AreEqual(int.MaxValue, backoff.NextDelay());
        }

        [TestMethod]
        public void First_delay_must_be_positive_and_not_above_the_ceiling()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RetryBackoff(0, 1000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RetryBackoff(2000, 1000));
        }
    }
}
