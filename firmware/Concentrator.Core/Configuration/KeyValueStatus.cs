namespace Concentrator.Core.Configuration
{
    /// <summary>What <see cref="KeyValueReader.ReadNext"/> found.</summary>
    public enum KeyValueStatus : byte
    {
        /// <summary>A <c>key=value</c> line; key and value are set.</summary>
        Entry = 0,

        /// <summary>No more lines.</summary>
        End = 1,

        /// <summary>A line that is neither blank, a comment, nor <c>key=value</c> (no '=' or an empty key).</summary>
        Malformed = 2,
    }
}
