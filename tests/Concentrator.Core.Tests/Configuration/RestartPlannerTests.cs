using Concentrator.Core.Configuration;
using Concentrator.Core.Tests.TestSupport;
using nanoFramework.TestFramework;

namespace Concentrator.Core.Tests.Configuration
{
    [TestClass]
    public class RestartPlannerTests
    {
        // Runs the planner the way the firmware's restart thread does (a poll per second) until it says restart, or until
        // the limit. Returns the time of the restart, or -1. Counts the announcements.
        private static long RunUntilRestart(RestartPlanner planner, ManualClock clock, long limit, int[] announcements)
        {
            while (clock.Now <= limit)
            {
                RestartStep step = planner.Poll(clock.Now);
                if (step == RestartStep.RestartNow)
                {
                    return clock.Now;
                }

                if (step == RestartStep.Announce)
                {
                    announcements[0]++;
                }

                clock.Advance(1000);
            }

            return -1;
        }

        [TestMethod]
        public void Nothing_planned_means_idle()
        {
            RestartPlanner planner = new RestartPlanner();
            Assert.AreEqual((int)RestartStep.Idle, (int)planner.Poll(0));
            Assert.AreEqual(-1, planner.SecondsLeft(0));
            Assert.IsFalse(planner.ConfigurationSaved(false, null, 0), "a live change cancels nothing");
            Assert.IsFalse(planner.Pending);
        }

        [TestMethod]
        public void A_change_restarts_twenty_seconds_later_with_a_countdown()
        {
            ManualClock clock = new ManualClock();
            clock.Now = 1000000;
            RestartPlanner planner = new RestartPlanner();
            planner.ConfigurationSaved(true, "meter inventory", clock.Now);

            Assert.IsTrue(planner.Pending);
            Assert.AreEqual("meter inventory", planner.Reason);
            Assert.AreEqual(20, planner.SecondsLeft(clock.Now));
            int[] announcements = new int[1];
            Assert.AreEqual(1020000L, RunUntilRestart(planner, clock, 2000000, announcements));
            Assert.AreEqual(4, announcements[0], "at 20, 15, 10 and 5 s");
        }

        [TestMethod]
        public void A_burst_of_five_commands_restarts_once_after_the_last()
        {
            ManualClock clock = new ManualClock();
            RestartPlanner planner = new RestartPlanner();
            int[] announcements = new int[1];
            long last = 0;
            for (int i = 0; i < 5; i++)
            {
                // An SMS every 8 s: each arrives before the quiet time of the one before ran out.
                planner.ConfigurationSaved(true, "meter inventory", clock.Now);
                last = clock.Now;
                Assert.AreEqual(-1L, RunUntilRestart(planner, clock, clock.Now + 7000, announcements), "no restart inside the burst");
            }

            Assert.AreEqual(4, planner.Postponements);
            Assert.AreEqual(last + RestartPlanner.DefaultQuietMilliseconds, RunUntilRestart(planner, clock, last + 60000, announcements));
        }

        [TestMethod]
        public void A_change_back_to_what_runs_cancels_the_restart()
        {
            ManualClock clock = new ManualClock();
            RestartPlanner planner = new RestartPlanner();
            planner.ConfigurationSaved(true, "network", clock.Now);
            clock.Advance(10000);

            Assert.IsTrue(planner.ConfigurationSaved(false, null, clock.Now));
            Assert.IsFalse(planner.Pending);
            Assert.AreEqual(-1L, RunUntilRestart(planner, clock, clock.Now + 60000, new int[1]));
        }

        [TestMethod]
        public void Reset_restarts_after_five_seconds_and_later_changes_do_not_postpone_it()
        {
            ManualClock clock = new ManualClock();
            RestartPlanner planner = new RestartPlanner();
            planner.ResetRequested(clock.Now);
            Assert.AreEqual("MCP RESET", planner.Reason);
            clock.Advance(2000);
            planner.ConfigurationSaved(true, "meter inventory", clock.Now);
            Assert.IsFalse(planner.ConfigurationSaved(false, null, clock.Now), "nothing cancels a RESET");

            Assert.AreEqual(5000L, RunUntilRestart(planner, clock, 60000, new int[1]));
        }

        [TestMethod]
        public void Reset_during_a_planned_restart_comes_no_later_than_either()
        {
            ManualClock clock = new ManualClock();
            RestartPlanner planner = new RestartPlanner();
            planner.ConfigurationSaved(true, "board", clock.Now);
            clock.Advance(3000);
            planner.ResetRequested(clock.Now);
            Assert.AreEqual(8000L, planner.DueMilliseconds, "the RESET's 5 s are sooner than the 20 s quiet time");

            RestartPlanner late = new RestartPlanner();
            late.ConfigurationSaved(true, "board", 0);
            late.ResetRequested(18000);
            Assert.AreEqual(20000L, late.DueMilliseconds, "already due sooner: RESET does not postpone it");
        }

        [TestMethod]
        public void Quiet_time_shorter_than_a_second_is_refused()
        {
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new RestartPlanner(500, 5000));
            Assert.ThrowsException(typeof(System.ArgumentOutOfRangeException), () => new RestartPlanner(20000, 0));
        }
    }
}
