using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>A COSEM object: interface class, its version, logical name (an entry of the association's object list).</summary>
    public struct CosemObjectInfo
    {
        public const ushort DataClass = 1;
        public const ushort RegisterClass = 3;
        public const ushort ExtendedRegisterClass = 4;
        public const ushort DemandRegisterClass = 5;
        public const ushort ProfileGenericClass = 7;
        public const ushort ClockClass = 8;
        public const ushort AssociationLogicalNameClass = 15;

        public ushort ClassId;
        public byte Version;
        // The logical name as its ObisCode.ToKey key (a nested struct would be a heap object of its own on nanoCLR).
        private long _logicalName;

        public ObisCode LogicalName
        {
            get { return ObisCode.FromKey(_logicalName); }
            set { _logicalName = value.ToKey(); }
        }

        public CosemObjectInfo(ushort classId, ObisCode logicalName)
        {
            ClassId = classId;
            Version = 0;
            _logicalName = logicalName.ToKey();
        }

        /// <summary>True for the classes whose value has a scaler_unit (Register, Extended register, Demand register).</summary>
        public static bool HasScalerUnit(ushort classId)
        {
            return classId == RegisterClass || classId == ExtendedRegisterClass || classId == DemandRegisterClass;
        }

        /// <summary>The attribute holding the value a concentrator reads: 2 for all but the Demand register's current_average_value (2) — so always 2.</summary>
        public const sbyte ValueAttribute = 2;

        /// <summary>The scaler_unit attribute: 3 for Register and Extended register, 4 for Demand register; 0 for other classes.</summary>
        public static sbyte ScalerUnitAttribute(ushort classId)
        {
            switch (classId)
            {
                case RegisterClass:
                case ExtendedRegisterClass:
                    return 3;
                case DemandRegisterClass:
                    return 4;
                default:
                    return 0;
            }
        }
    }
}
