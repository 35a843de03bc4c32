namespace Concentrator.Core.Io
{
    /// <summary>Words for a <see cref="LinkStatus"/> in log lines, error reports and diagnostics.</summary>
    public static class LinkStatusText
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
    }
}
