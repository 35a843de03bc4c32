using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>One attribute of one COSEM object: class id, logical name (OBIS), attribute index.</summary>
    public struct CosemAttributeDescriptor
    {
        public ushort ClassId;
        public ObisCode LogicalName;
        public sbyte Attribute;

        public CosemAttributeDescriptor(ushort classId, ObisCode logicalName, sbyte attribute)
        {
            ClassId = classId;
            LogicalName = logicalName;
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
