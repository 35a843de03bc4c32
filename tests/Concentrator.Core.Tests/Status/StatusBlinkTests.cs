using Concentrator.Core.Status;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Status
{
    [TestClass]
    public class StatusBlinkTests
    {
        // Lit time in one 2 s cycle, sampled every 10 ms, and the number of dark-to-lit switches.
        private static void Measure(DeviceState state, out int litMilliseconds, out int flashes)
        {
            litMilliseconds = 0;
            flashes = 0;
            bool previous = StatusBlink.IsLit(state, StatusBlink.CycleMilliseconds - 10);
            for (int t = 0; t < StatusBlink.CycleMilliseconds; t += 10)
            {
                bool lit = StatusBlink.IsLit(state, t);
                litMilliseconds += lit ? 10 : 0;
                flashes += lit && !previous ? 1 : 0;
                previous = lit;
            }
        }

        [TestMethod]
        [DataRow((int)DeviceState.Starting, 2000, 0)]
        [DataRow((int)DeviceState.SettingsProblem, 1000, 10)]
        [DataRow((int)DeviceState.NoNetwork, 1000, 2)]
        [DataRow((int)DeviceState.NoBroker, 300, 2)]
        [DataRow((int)DeviceState.Running, 1900, 1)]
        public void Each_state_has_its_own_pattern(int state, int expectedLit, int expectedFlashes)
        {
            int lit;
            int flashes;
            Measure((DeviceState)state, out lit, out flashes);
            Assert.AreEqual(expectedLit, lit, "lit ms, state " + state.ToString());
            Assert.AreEqual(expectedFlashes, flashes, "flashes, state " + state.ToString());
        }

        [TestMethod]
        public void The_pattern_repeats_every_cycle_and_survives_a_negative_clock()
        {
            for (int t = 0; t < StatusBlink.CycleMilliseconds; t += 50)
            {
                Assert.AreEqual(StatusBlink.IsLit(DeviceState.NoBroker, t), StatusBlink.IsLit(DeviceState.NoBroker, t + (7L * StatusBlink.CycleMilliseconds)));
                Assert.AreEqual(StatusBlink.IsLit(DeviceState.NoBroker, t), StatusBlink.IsLit(DeviceState.NoBroker, t - StatusBlink.CycleMilliseconds));
            }
        }

        [TestMethod]
        public void Every_phase_lasts_at_least_100_ms_so_a_50_ms_sampler_sees_it()
        {
            for (int s = 0; s <= (int)DeviceState.Running; s++)
            {
                int run = 0;
                bool previous = StatusBlink.IsLit((DeviceState)s, 0);
                for (int t = 10; t <= 2 * StatusBlink.CycleMilliseconds; t += 10)
                {
                    bool lit = StatusBlink.IsLit((DeviceState)s, t);
                    run += 10;
                    if (lit != previous)
                    {
                        Assert.IsTrue(run >= 100, "state " + s.ToString() + " phase of " + run.ToString() + " ms ending at " + t.ToString());
                        run = 0;
                        previous = lit;
                    }
                }
            }
        }

        [TestMethod]
        public void The_activity_LED_flashes_briefly_after_a_reading()
        {
            Assert.IsTrue(StatusBlink.ActivityLit(0));
            Assert.IsTrue(StatusBlink.ActivityLit(StatusBlink.ActivityFlashMilliseconds - 1));
            Assert.IsFalse(StatusBlink.ActivityLit(StatusBlink.ActivityFlashMilliseconds));
            Assert.IsFalse(StatusBlink.ActivityLit(-1));
        }

        [TestMethod]
        public void Every_state_is_described()
        {
            for (int s = 0; s <= (int)DeviceState.Running; s++)
            {
                Assert.IsTrue(StatusBlink.Describe((DeviceState)s).Length > 0);
            }

            Assert.AreNotEqual(StatusBlink.Describe(DeviceState.NoNetwork), StatusBlink.Describe(DeviceState.NoBroker));
        }
    }
}
