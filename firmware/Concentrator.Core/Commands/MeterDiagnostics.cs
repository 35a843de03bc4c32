namespace Concentrator.Core.Commands
{
    /// <summary>One meter's state for the DIAG reply, filled by <see cref="IDiagnosticsSource.FillMeter"/> into one reused instance.</summary>
    public sealed class MeterDiagnostics
    {
        public long Readings;

        public long Failures;

        /// <summary>Failures since the last good reading.</summary>
        public int ConsecutiveFailures;

        public bool Offline;

        /// <summary>Short text of the last failure ("timeout", "BCC mismatch"), "" when none.</summary>
        public string LastError = string.Empty;

        /// <summary>Seconds since the last good reading, or -1 when there was none.</summary>
        public long SecondsSinceReading = -1;

        /// <summary>The link settings of the last good session ("9600 7E1 mode C", "HDLC 1/1234 9600"), "" when none.</summary>
        public string WorkingLink = string.Empty;

        public void Clear()
        {
            Readings = 0;
            Failures = 0;
            ConsecutiveFailures = 0;
            Offline = false;
            LastError = string.Empty;
            SecondsSinceReading = -1;
            WorkingLink = string.Empty;
        }
    }
}
