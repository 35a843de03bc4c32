using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>One attribute of one COSEM object: class id, logical name (OBIS), attribute index.</summary>
    public struct CosemAttributeDescriptor
    {
        public ushort ClassId;
        // The logical name as its ObisCode.ToKey key: on nanoCLR a struct inside a struct is a heap object of its own, so
        // an array element of this struct was 132 bytes with an ObisCode field and is 48 with the key.
        private long _logicalName;

        public ObisCode LogicalName
        {
            get { return ObisCode.FromKey(_logicalName); }
            set { _logicalName = value.ToKey(); }
        }
        public sbyte Attribute;

        public CosemAttributeDescriptor(ushort classId, ObisCode logicalName, sbyte attribute)
        {
            ClassId = classId;
            _logicalName = logicalName.ToKey();
            Attribute = attribute;
        }

        /// <summary>class-id (2), instance-id (6), attribute-id (1): the wire form inside GET requests.</summary>
        public void Write(AxdrWriter writer)
        {
            writer.UInt16(ClassId);
            writer.ObisBytes(LogicalName);
            writer.Byte(Attribute);
        }

        /// <summary>Reads the 9-byte wire form; the caller checked that 9 bytes are there.</summary>
        public static CosemAttributeDescriptor Read(byte[] b, int p)
        {
            return new CosemAttributeDescriptor((ushort)(b[p] << 8 | b[p + 1]), new ObisCode(b[p + 2], b[p + 3], b[p + 4], b[p + 5], b[p + 6], b[p + 7]), (sbyte)b[p + 8]);
        }
    }
}
