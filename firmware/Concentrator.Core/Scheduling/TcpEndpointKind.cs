namespace Concentrator.Core.Scheduling
{
    /// <summary>How the meters behind one TCP endpoint are read.</summary>
    public enum TcpEndpointKind : byte
    {
        /// <summary>On the port scheduler, one meter at a time (IEC 62056-21, DLMS over HDLC or the wrapper, SML pull, DSMR at an interval).</summary>
        Polled = 0,

        /// <summary>A stream read as it comes (a DSMR P1 or SML push meter with INT=0): one meter, its own connection.</summary>
        Continuous = 1,
    }
}
