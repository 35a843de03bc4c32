using System;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// The buffers of a DLMS read that outlive no read: the <see cref="CosemObjectReader"/> (its attribute lists and
    /// profile columns), the association's object list while the configured objects are resolved, the objects of the
    /// read, and the error of a failed read. Pollers of one client (the meters of one RS485 bus with one password)
    /// run one at a time and share one scratch; what is a meter's own (its configured and resolved objects, its
    /// scaler_unit cache) stays in its <see cref="DlmsMeterPoller"/>. On nanoFramework every struct in an array is a
    /// heap object of its own (12 bytes per field plus a header), so these arrays are the largest part of a DLMS
    /// reader: once per bus instead of once per meter.
    /// </summary>
    public sealed class DlmsPollerScratch
    {
        public DlmsPollerScratch(CosemObjectReader reader, int maxObjects, int catalogueCapacity)
        {
            if (reader == null)
            {
                throw new ArgumentNullException("reader");
            }

            if (maxObjects < 1 || catalogueCapacity < 1)
            {
                throw new ArgumentOutOfRangeException(maxObjects < 1 ? "maxObjects" : "catalogueCapacity");
            }

            Reader = reader;
            CatalogueClasses = new ushort[catalogueCapacity];
            CatalogueVersions = new byte[catalogueCapacity];
            CatalogueNames = new long[catalogueCapacity];
            Objects = new CosemObjectInfo[maxObjects];
        }

        public CosemObjectReader Reader { get; private set; }

        /// <summary>
        /// The association's object list, read while a meter's configured objects are resolved, as columns (class,
        /// version, <see cref="Obis.ObisCode.ToKey"/>): 11 bytes an entry, where a <see cref="CosemObjectInfo"/> is 144.
        /// </summary>
        public ushort[] CatalogueClasses { get; private set; }

        public byte[] CatalogueVersions { get; private set; }

        public long[] CatalogueNames { get; private set; }

        /// <summary>The objects of the read in progress (at most this many per meter).</summary>
        public CosemObjectInfo[] Objects { get; private set; }

        /// <summary>The error of a failed read, kept across the courtesy release.</summary>
        public readonly DlmsClientError ReadError = new DlmsClientError();
    }
}
