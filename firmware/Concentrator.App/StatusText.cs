using Concentrator.Core.Io;
using Concentrator.Drivers.P1;

namespace Concentrator.App
{
    /// <summary>Words for status values in log lines and error reports.</summary>
    public static class StatusText
    {
        public static string Of(LinkStatus status)
        {
            switch (status)
            {
                case LinkStatus.Ok:
                    return "ok";
                case LinkStatus.Timeout:
                    return "timeout";
                case LinkStatus.Closed:
                    return "closed";
                case LinkStatus.Fault:
                    return "fault";
                case LinkStatus.NotSupported:
                    return "not supported";
                default:
                    return "status " + ((int)status).ToString();
            }
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
