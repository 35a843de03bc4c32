namespace Concentrator.Core.Scheduling
{
    /// <summary>Outcome of one attempt to read one meter (<see cref="IMeterReader.Read"/>).</summary>
    public enum MeterReadStatus : byte
    {
        /// <summary>The meter answered; the reader's readings hold its values.</summary>
        Ok = 0,

        /// <summary>Nothing (or not enough) arrived within the time budget: a silent meter, a broken cable, a wrong address.</summary>
        NoAnswer = 1,

        /// <summary>The meter answered with something that failed a check (checksum, framing, protocol error).</summary>
        BadAnswer = 2,

        /// <summary>The link itself failed (port closed, connection refused or lost, driver error).</summary>
        LinkFailure = 3,

        /// <summary>The meter refused the session (password, access level, unknown object).</summary>
        Refused = 4,

        /// <summary>The reader cannot read this meter (protocol or port it does not handle).</summary>
        NotSupported = 5,
    }
}
