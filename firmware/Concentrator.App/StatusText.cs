using Concentrator.Core.Io;
using Concentrator.Drivers.P1;

namespace Concentrator.App
{
    /// <summary>Words for status values in log lines and error reports.</summary>
    public static class StatusText
    {
        public static string Of(LinkStatus status)
        {
            return LinkStatusText.Of(status);
        }

        public static string Of(P1SignalInversion inversion)
        {
            switch (inversion)
            {
                case P1SignalInversion.NotNeeded:
                    return "not needed";
                case P1SignalInversion.Uart:
                    return "by the UART";
                case P1SignalInversion.External:
                    return "by the board's inverter";
                default:
                    return "UNAVAILABLE (hardware inverter needed)";
            }
        }
    }
}
