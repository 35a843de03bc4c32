namespace Concentrator.Core.Iec62056
{
    /// <summary>What an <see cref="IecSession"/> asks of the meter.</summary>
    public enum IecRequest : byte
    {
        /// <summary>The data readout (option select Y = 0), at the fastest baud both ends can do.</summary>
        Readout = 0,

        /// <summary>Programming mode (Y = 1): P1 password, R1/R5 reads of the chosen registers, B0 break.</summary>
        Registers = 1,

        /// <summary>Mode E: option select "2 Z 2", then the line is handed to the HDLC/DLMS client at the new baud.</summary>
        Hdlc = 2,

        /// <summary>Mode D: send nothing, listen for the readout the meter pushes.</summary>
        Listen = 3,
    }
}
