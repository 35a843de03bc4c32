namespace Concentrator.Core.Readings
{
    /// <summary>What a reading's value is.</summary>
    public enum ReadingKind : byte
    {
        /// <summary>A decimal number: <see cref="Reading.Mantissa"/> × 10^<see cref="Reading.Exponent"/>, exactly as the meter stated it.</summary>
        Number = 0,

        /// <summary>Text (identifiers, messages, anything not numeric), kept as the meter sent it.</summary>
        Text = 1,

        /// <summary>The meter sent the object with no value, e.g. "0-0:96.13.0()".</summary>
        Empty = 2,

        /// <summary>The value is a point in time (e.g. the telegram's own clock): see <see cref="Reading.Time"/>; the raw text is kept too.</summary>
        Timestamp = 3,
    }
}
