namespace Concentrator.Core.Quality
{
    /// <summary>What an OBIS code measures, as far as the quality checks need to know.</summary>
    public enum RegisterQuantity : byte
    {
        /// <summary>Anything the checks leave alone (identifiers, counts, tariffs, texts).</summary>
        Other = 0,

        /// <summary>An energy register: a counter that only grows and is never negative.</summary>
        Energy = 1,

        /// <summary>A gas or water volume register: a counter as well.</summary>
        Volume = 2,

        Voltage = 3,
        Frequency = 4,

        /// <summary>Active, reactive or apparent power (instantaneous or demand).</summary>
        Power = 5,
    }
}
