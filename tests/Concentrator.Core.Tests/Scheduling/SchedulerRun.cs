using Concentrator.Core.Meters;
using Concentrator.Core.Scheduling;

namespace Concentrator.Core.Tests.Scheduling
{
    /// <summary>Drives a scheduler the way a port thread does, with a fake clock instead of sleeping.</summary>
    public static class SchedulerRun
    {
        public static void Until(PortScheduler scheduler, FakeScheduleClock clock, long untilMilliseconds)
        {
            while (clock.Now < untilMilliseconds)
            {
                long wait = scheduler.Tick();
                if (wait > 0)
                {
                    long left = untilMilliseconds - clock.Now;
                    clock.Advance(wait < left ? wait : left);
                }
            }
        }

        public static MeterDefinition Meter(string id, int intervalSeconds, ReadPriority priority)
        {
            MeterDefinition meter = new MeterDefinition();
            meter.Id = id;
            meter.Port = MeterPort.Rs485;
            meter.Protocol = MeterProtocol.Iec62056_21;
            meter.IntervalSeconds = intervalSeconds;
            meter.Priority = (byte)priority;
            return meter;
        }

        public static SchedulerOptions Options(int budget, int retries, int offlineAfter)
        {
            SchedulerOptions options = new SchedulerOptions();
            options.ReadBudgetMilliseconds = budget;
            options.RetriesPerSlot = retries;
            options.RetryFirstDelayMilliseconds = 1000;
            options.RetryMaxDelayMilliseconds = 8000;
            options.OfflineAfterFailures = offlineAfter;
            options.OfflineProbeIntervalSeconds = 600;
            return options;
        }
    }
}
