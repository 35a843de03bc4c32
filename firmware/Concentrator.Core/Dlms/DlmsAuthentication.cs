namespace Concentrator.Core.Dlms
{
    /// <summary>Authentication mechanism of an association (Green Book 9.2.2.2.2; only the ones a reader needs).</summary>
    public enum DlmsAuthentication : byte
    {
        /// <summary>Lowest level security: no password (public client, 0x10).</summary>
        None = 0,
        /// <summary>Low level security: a password in the AARQ (mechanism 2.16.756.5.8.2.1; client 0x20 on most meters).</summary>
        Low = 1,
    }
}
