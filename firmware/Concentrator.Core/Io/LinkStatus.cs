namespace Concentrator.Core.Io
{
    /// <summary>Outcome of one operation on a byte link: the small error kind every hardware operation reports.</summary>
    public enum LinkStatus : byte
    {
        Ok = 0,

        /// <summary>Nothing arrived (or could be sent) within the time allowed.</summary>
        Timeout = 1,

        /// <summary>The link is closed or was lost (socket closed, port removed).</summary>
        Closed = 2,

        /// <summary>The hardware reported an error (framing, overrun, driver failure).</summary>
        Fault = 3,

        /// <summary>The link cannot do what was asked (e.g. inverted levels on a UART that lacks them).</summary>
        NotSupported = 4,
    }
}
