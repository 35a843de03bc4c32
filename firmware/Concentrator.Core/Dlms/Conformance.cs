namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// The xDLMS conformance block (Green Book 9.4.6.1): a 24-bit string, bit 0 first (most significant). The
    /// constants are the bits as a 24-bit number, as carried after <c>5F 1F 04 00</c> in the Initiate APDUs.
    /// </summary>
    public static class Conformance
    {
        public const uint GeneralProtection = 1u << 22;
        public const uint GeneralBlockTransfer = 1u << 21;
        public const uint Read = 1u << 20;
        public const uint Write = 1u << 19;
        public const uint UnconfirmedWrite = 1u << 18;
        public const uint Attribute0SupportedWithSet = 1u << 15;
        public const uint PriorityManagementSupported = 1u << 14;
        public const uint Attribute0SupportedWithGet = 1u << 13;
        public const uint BlockTransferWithGetOrRead = 1u << 12;
        public const uint BlockTransferWithSetOrWrite = 1u << 11;
        public const uint BlockTransferWithAction = 1u << 10;
        public const uint MultipleReferences = 1u << 9;
        public const uint InformationReport = 1u << 8;
        public const uint DataNotification = 1u << 7;
        public const uint Access = 1u << 6;
        public const uint ParameterizedAccess = 1u << 5;
        public const uint Get = 1u << 4;
        public const uint Set = 1u << 3;
        public const uint SelectiveAccess = 1u << 2;
        public const uint EventNotification = 1u << 1;
        public const uint Action = 1u;

        /// <summary>What this client proposes: GET with block transfer, with-list (multiple references) and selective access.</summary>
        public const uint ClientProposal = Get | BlockTransferWithGetOrRead | MultipleReferences | SelectiveAccess | Attribute0SupportedWithGet;

        /// <summary>The conformance bits' names, most significant first, for reports ("get, selective-access").</summary>
        public static string Describe(uint block)
        {
            string text = string.Empty;
            for (int bit = 23; bit >= 0; bit--)
            {
                if ((block & (1u << bit)) == 0)
                {
                    continue;
                }

                string name = Name(1u << bit);
                text = text.Length == 0 ? name : text + ", " + name;
            }

            return text;
        }

        public static string Name(uint bit)
        {
            switch (bit)
            {
                case GeneralProtection: return "general-protection";
                case GeneralBlockTransfer: return "general-block-transfer";
                case Read: return "read";
                case Write: return "write";
                case UnconfirmedWrite: return "unconfirmed-write";
                case Attribute0SupportedWithSet: return "attribute0-supported-with-set";
                case PriorityManagementSupported: return "priority-mgmt-supported";
                case Attribute0SupportedWithGet: return "attribute0-supported-with-get";
                case BlockTransferWithGetOrRead: return "block-transfer-with-get-or-read";
                case BlockTransferWithSetOrWrite: return "block-transfer-with-set-or-write";
                case BlockTransferWithAction: return "block-transfer-with-action";
                case MultipleReferences: return "multiple-references";
                case InformationReport: return "information-report";
                case DataNotification: return "data-notification";
                case Access: return "access";
                case ParameterizedAccess: return "parameterized-access";
                case Get: return "get";
                case Set: return "set";
                case SelectiveAccess: return "selective-access";
                case EventNotification: return "event-notification";
                case Action: return "action";
                default: return "reserved";
            }
        }
    }
}
