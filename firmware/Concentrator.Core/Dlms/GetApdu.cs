namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Writes the GET service APDUs (Green Book 9.3.x, IEC 62056-5-3): GET-Request-Normal <c>C0 01</c>,
    /// -Next <c>C0 02</c>, -With-List <c>C0 03</c>, and the meter side's GET-Response-Normal <c>C4 01</c>,
    /// -With-Datablock <c>C4 02</c>, -With-List <c>C4 03</c>, the ExceptionResponse <c>D8</c>, and RLRQ/RLRE.
    /// </summary>
    public static class GetApdu
    {
        public const byte Normal = 1;
        public const byte Next = 2;
        public const byte WithList = 3;

        /// <summary>Invoke-Id-And-Priority: high priority, confirmed, invoke id 0..15 (0xC1 for id 1).</summary>
        public static byte InvokeIdAndPriority(int invokeId)
        {
            return (byte)(0xC0 | (invokeId & 0x0F));
        }

        public static void WriteRequestNormal(AxdrWriter writer, byte invokeIdAndPriority, CosemAttributeDescriptor attribute, SelectiveAccess access)
        {
            writer.Byte((int)DlmsApduTag.GetRequest);
            writer.Byte(Normal);
            writer.Byte(invokeIdAndPriority);
            attribute.Write(writer);
            WriteAccessSelection(writer, access);
        }

        public static void WriteRequestNext(AxdrWriter writer, byte invokeIdAndPriority, uint blockNumber)
        {
            writer.Byte((int)DlmsApduTag.GetRequest);
            writer.Byte(Next);
            writer.Byte(invokeIdAndPriority);
            writer.UInt32(blockNumber);
        }

        /// <summary>A with-list request for attributes[start .. start+count).</summary>
        public static void WriteRequestWithList(AxdrWriter writer, byte invokeIdAndPriority, CosemAttributeDescriptor[] attributes, int start, int count)
        {
            writer.Byte((int)DlmsApduTag.GetRequest);
            writer.Byte(WithList);
            writer.Byte(invokeIdAndPriority);
            writer.WriteLength(count);
            for (int i = start; i < start + count; i++)
            {
                attributes[i].Write(writer);
                writer.Byte(0); // no access selection
            }
        }

        private static void WriteAccessSelection(AxdrWriter writer, SelectiveAccess access)
        {
            if (access.Selector == SelectiveAccess.None)
            {
                writer.Byte(0);
                return;
            }

            writer.Byte(1);
            access.Write(writer);
        }

        /// <summary>GET-Response-Normal with data: the header and the "data" choice; the caller writes the Data.</summary>
        public static void BeginResponseNormal(AxdrWriter writer, byte invokeIdAndPriority)
        {
            writer.Byte((int)DlmsApduTag.GetResponse);
            writer.Byte(Normal);
            writer.Byte(invokeIdAndPriority);
            writer.Byte(0);
        }

        public static void WriteResponseNormalError(AxdrWriter writer, byte invokeIdAndPriority, DataAccessResult result)
        {
            writer.Byte((int)DlmsApduTag.GetResponse);
            writer.Byte(Normal);
            writer.Byte(invokeIdAndPriority);
            writer.Byte(1);
            writer.Byte((int)result);
        }

        /// <summary>GET-Response-With-Datablock carrying raw-data (a piece of the encoded Data).</summary>
        public static void WriteResponseBlock(AxdrWriter writer, byte invokeIdAndPriority, bool lastBlock, uint blockNumber, byte[] raw, int offset, int count)
        {
            writer.Byte((int)DlmsApduTag.GetResponse);
            writer.Byte(Next);
            writer.Byte(invokeIdAndPriority);
            writer.Byte(lastBlock ? 1 : 0);
            writer.UInt32(blockNumber);
            writer.Byte(0); // raw-data
            writer.WriteLength(count);
            writer.Bytes(raw, offset, count);
        }

        public static void WriteResponseBlockError(AxdrWriter writer, byte invokeIdAndPriority, uint blockNumber, DataAccessResult result)
        {
            writer.Byte((int)DlmsApduTag.GetResponse);
            writer.Byte(Next);
            writer.Byte(invokeIdAndPriority);
            writer.Byte(1);
            writer.UInt32(blockNumber);
            writer.Byte(1);
            writer.Byte((int)result);
        }

        /// <summary>GET-Response-With-List header; then per item: <c>00</c> + Data, or <c>01</c> + Data-Access-Result.</summary>
        public static void BeginResponseWithList(AxdrWriter writer, byte invokeIdAndPriority, int count)
        {
            writer.Byte((int)DlmsApduTag.GetResponse);
            writer.Byte(WithList);
            writer.Byte(invokeIdAndPriority);
            writer.WriteLength(count);
        }

        /// <summary>ExceptionResponse: state-error (1 service-not-allowed, 2 service-unknown) and service-error.</summary>
        public static void WriteExceptionResponse(AxdrWriter writer, byte stateError, byte serviceError)
        {
            writer.Byte((int)DlmsApduTag.ExceptionResponse);
            writer.Byte(stateError);
            writer.Byte(serviceError);
        }

        /// <summary>RLRQ with reason normal (0).</summary>
        public static void WriteReleaseRequest(AxdrWriter writer)
        {
            writer.Byte((int)DlmsApduTag.Rlrq);
            writer.Byte(0x03);
            writer.Byte(0x80);
            writer.Byte(0x01);
            writer.Byte(0x00);
        }

        /// <summary>RLRE with reason normal (0).</summary>
        public static void WriteReleaseResponse(AxdrWriter writer)
        {
            writer.Byte((int)DlmsApduTag.Rlre);
            writer.Byte(0x03);
            writer.Byte(0x80);
            writer.Byte(0x01);
            writer.Byte(0x00);
        }

        /// <summary>
        /// Checks an RLRQ or RLRE (tag, BER length, optional reason [0]); returns the reason (0 normal, 1 urgent,
        /// 30 user-defined), -1 when none was given, or -2 when the APDU is malformed.
        /// </summary>
        public static int ParseRelease(byte[] b, int offset, int count, DlmsApduTag expected)
        {
            int p = offset;
            int end = offset + count;
            int tag;
            int length;
            if (count < 2 || b[p] != (byte)expected || !ApduBytes.TryReadTagLength(b, ref p, end, out tag, out length) || p + length != end)
            {
                return -2;
            }

            int reason = -1;
            int fieldsEnd = p + length;
            while (p < fieldsEnd)
            {
                int fieldTag;
                int fieldLength;
                if (!ApduBytes.TryReadTagLength(b, ref p, fieldsEnd, out fieldTag, out fieldLength))
                {
                    return -2;
                }

                if (fieldTag == 0x80 && fieldLength == 1)
                {
                    reason = b[p];
                }

                p += fieldLength;
            }

            return reason;
        }
    }
}
