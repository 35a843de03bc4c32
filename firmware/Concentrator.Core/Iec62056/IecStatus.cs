namespace Concentrator.Core.Iec62056
{
    /// <summary>
    /// What <see cref="IecMessageDecoder.Feed"/> reports. <see cref="NeedMoreData"/>, then the messages a meter sends
    /// (identification, readout, data block, command, ACK, NAK); everything from <see cref="GarbageSkipped"/> on is a failure.
    /// </summary>
    public enum IecStatus : byte
    {
        /// <summary>All input consumed; no message finished yet.</summary>
        NeedMoreData = 0,

        /// <summary>An identification message <c>/XXXZ Ident CR LF</c>: see <see cref="IecMessageDecoder.Identification"/>.</summary>
        IdentificationReady = 1,

        /// <summary>A data message (<c>STX … ! CR LF ETX BCC</c>) passed its BCC and every line: see <see cref="IecMessageDecoder.Readings"/>.</summary>
        ReadoutReady = 2,

        /// <summary>
        /// A data block without the readout's end line (a programming-mode answer such as <c>STX (0012345.6*kWh) ETX BCC</c>),
        /// BCC verified: see <see cref="IecMessageDecoder.Block"/>; <see cref="IecMessageDecoder.BlockIsPartial"/> when it ended with EOT.
        /// </summary>
        DataBlockReady = 3,

        /// <summary>A command message <c>SOH C D STX data ETX BCC</c> (the meter's P0 password request, B0 break), BCC verified.</summary>
        CommandReady = 4,

        /// <summary>A single ACK.</summary>
        Acknowledged = 5,

        /// <summary>A single NAK (wrong password, or the meter asks for a repeat).</summary>
        NegativeAcknowledged = 6,

        /// <summary>A reader's request message "/?address!" (seen in captures and on shared lines).</summary>
        RequestSeen = 7,

        /// <summary>Bytes that start no message were skipped.</summary>
        GarbageSkipped = 8,

        /// <summary>A message ended before its end character (silence, input end, or a new message start).</summary>
        Truncated = 9,

        /// <summary>A message grew past the configured maximum length.</summary>
        TooLong = 10,

        /// <summary>The block check character does not match the block.</summary>
        BadBcc = 11,

        /// <summary>The identification line failed a check (see <see cref="IecError.IdentificationProblem"/>).</summary>
        BadIdentification = 12,

        /// <summary>A data line could not be parsed.</summary>
        MalformedLine = 13,

        /// <summary>The readout holds more readings or text than the configured capacity.</summary>
        CapacityExceeded = 14,
    }
}
