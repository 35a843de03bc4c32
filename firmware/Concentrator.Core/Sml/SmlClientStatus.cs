namespace Concentrator.Core.Sml
{
    /// <summary>Outcome of one <see cref="SmlClientSession.ReadList"/>.</summary>
    public enum SmlClientStatus : byte
    {
        /// <summary>The meter answered with an SML_GetList.Res that passed every check: readings in the decoder.</summary>
        Ok = 0,

        /// <summary>The response file failed a check, but its GetList.Res passed its own CRC: readings in the decoder, the failure in its LastError.</summary>
        Partial = 1,

        /// <summary>The meter said nothing (or stopped in the middle) for longer than the silence limit.</summary>
        Timeout = 2,

        /// <summary>The link failed or closed (<see cref="SmlClientSession.LastLinkStatus"/>).</summary>
        LinkFailed = 3,

        /// <summary>The meter answered with SML_Attention.Res (an error number) instead of the list.</summary>
        Attention = 4,

        /// <summary>Files arrived but none carried the list (broken files, or more bytes than the response limit).</summary>
        NoList = 5,
    }
}
