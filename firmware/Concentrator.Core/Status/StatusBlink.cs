namespace Concentrator.Core.Status
{
    /// <summary>
    /// The status LED's blink patterns, as a pure function of the state and the time, so that every pattern is
    /// tested here and the firmware only samples it (every 50 ms is fine: every on or off phase lasts 100 ms or more).
    /// The activity LED flashes for <see cref="ActivityFlashMilliseconds"/> after each reading.
    /// </summary>
    public static class StatusBlink
    {
        /// <summary>Length of one pattern cycle.</summary>
        public const int CycleMilliseconds = 2000;

        /// <summary>How long the activity LED stays lit after a reading.</summary>
        public const int ActivityFlashMilliseconds = 80;

        /// <summary>True when the status LED is lit in <paramref name="state"/> at <paramref name="milliseconds"/> (any running clock).</summary>
        public static bool IsLit(DeviceState state, long milliseconds)
        {
            int t = (int)(milliseconds % CycleMilliseconds);
            if (t < 0)
            {
                t += CycleMilliseconds;
            }

            switch (state)
            {
                case DeviceState.Starting:
                    return true;
                case DeviceState.SettingsProblem:
                    return (t / 100) % 2 == 0;
                case DeviceState.NoNetwork:
                    return (t % 1000) < 500;
                case DeviceState.NoBroker:
                    return t < 150 || (t >= 300 && t < 450);
                default:
                    return t >= 100;
            }
        }

        /// <summary>True while the activity LED shows a reading that arrived <paramref name="millisecondsSinceReading"/> ago.</summary>
        public static bool ActivityLit(long millisecondsSinceReading)
        {
            return millisecondsSinceReading >= 0 && millisecondsSinceReading < ActivityFlashMilliseconds;
        }

        /// <summary>The pattern in words, for the log and the documentation.</summary>
        public static string Describe(DeviceState state)
        {
            switch (state)
            {
                case DeviceState.Starting:
                    return "on (starting)";
                case DeviceState.SettingsProblem:
                    return "fast blink (settings or board problem: see the log)";
                case DeviceState.NoNetwork:
                    return "slow blink (no network)";
                case DeviceState.NoBroker:
                    return "double flash (network up, no broker)";
                default:
                    return "on with a short dark blink (running)";
            }
        }
    }
}
