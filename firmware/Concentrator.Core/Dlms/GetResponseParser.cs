namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Parses a GET response APDU in place: normal (data or Data-Access-Result), with-datablock (last-block flag,
    /// block number, raw data or result), with-list (per item: data position or result), ExceptionResponse and
    /// ConfirmedServiceError. Data is located and checked with an <see cref="AxdrReader"/>, not copied. Built once
    /// with the largest list it accepts; allocation-free.
    /// </summary>
    public sealed class GetResponseParser
    {
        private readonly AxdrReader _reader = new AxdrReader();
        private readonly bool[] _itemIsData;
        private readonly int[] _itemStart;
        private readonly int[] _itemLength;
        private readonly byte[] _itemResult;

        public GetResponseParser(int maxListItems)
        {
            _itemIsData = new bool[maxListItems];
            _itemStart = new int[maxListItems];
            _itemLength = new int[maxListItems];
            _itemResult = new byte[maxListItems];
        }

        public GetResponseKind Kind;
        public byte InvokeIdAndPriority;

        /// <summary>Normal: true when Data follows (at DataStart, DataLength bytes), false for a Data-Access-Result.</summary>
        public bool IsData;
        public int DataStart;
        public int DataLength;
        public DataAccessResult Result;

        /// <summary>With-datablock.</summary>
        public bool LastBlock;
        public uint BlockNumber;

        /// <summary>With-list: number of items.</summary>
        public int Count;

        /// <summary>Exception: state-error and service-error; ConfirmedServiceError: its choice, kind and value.</summary>
        public byte StateError;
        public byte ServiceError;
        public byte ServiceErrorChoice;

        /// <summary>After a failure: the check that failed, and where.</summary>
        public string LastCheck = string.Empty;
        public int ErrorOffset;

        public int MaxListItems
        {
            get { return _itemIsData.Length; }
        }

        public bool ItemIsData(int index)
        {
            return _itemIsData[index];
        }

        public int ItemStart(int index)
        {
            return _itemStart[index];
        }

        public int ItemLength(int index)
        {
            return _itemLength[index];
        }

        public DataAccessResult ItemResult(int index)
        {
            return (DataAccessResult)_itemResult[index];
        }

        private DlmsApduStatus Fail(DlmsApduStatus status, string check, int offset)
        {
            LastCheck = check;
            ErrorOffset = offset;
            return status;
        }

        public DlmsApduStatus Parse(byte[] b, int offset, int count)
        {
            Kind = GetResponseKind.None;
            IsData = false;
            Count = 0;
            LastCheck = string.Empty;
            ErrorOffset = 0;
            int end = offset + count;
            int p = offset;
            if (count < 1)
            {
                return Fail(DlmsApduStatus.Truncated, "an APDU (got 0 bytes)", p);
            }

            byte tag = b[p];
            if (tag == (byte)DlmsApduTag.ExceptionResponse)
            {
                if (count < 3)
                {
                    return Fail(DlmsApduStatus.Truncated, "ExceptionResponse has state-error and service-error", p);
                }

                Kind = GetResponseKind.Exception;
                StateError = b[p + 1];
                ServiceError = b[p + 2];
                return DlmsApduStatus.Ok;
            }

            if (tag == (byte)DlmsApduTag.ConfirmedServiceError)
            {
                if (count < 4)
                {
                    return Fail(DlmsApduStatus.Truncated, "ConfirmedServiceError has choice, service-error kind and value", p);
                }

                Kind = GetResponseKind.ConfirmedServiceError;
                ServiceErrorChoice = b[p + 1];
                StateError = b[p + 2];
                ServiceError = b[p + 3];
                return DlmsApduStatus.Ok;
            }

            if (tag != (byte)DlmsApduTag.GetResponse)
            {
                return Fail(DlmsApduStatus.UnexpectedTag, "GET-Response tag 0xC4", p);
            }

            if (count < 4)
            {
                return Fail(DlmsApduStatus.Truncated, "GET-Response has choice, invoke-id and result", p);
            }

            byte choice = b[p + 1];
            InvokeIdAndPriority = b[p + 2];
            p += 3;
            switch (choice)
            {
                case GetApdu.Normal:
                    Kind = GetResponseKind.Normal;
                    return ParseResult(b, p, end, true);
                case GetApdu.Next:
                    Kind = GetResponseKind.WithDatablock;
                    if (end - p < 6)
                    {
                        return Fail(DlmsApduStatus.Truncated, "DataBlock-G has last-block, block-number and result", p);
                    }

                    LastBlock = b[p] != 0;
                    BlockNumber = (uint)AxdrReader.BigEndian32(b, p + 1);
                    p += 5;
                    if (b[p] == 0)
                    {
                        p++;
                        int length;
                        if (!AxdrReader.TryReadLength(b, ref p, end, out length))
                        {
                            return Fail(DlmsApduStatus.Truncated, "raw-data length", p);
                        }

                        if (length != end - p)
                        {
                            return Fail(length > end - p ? DlmsApduStatus.Truncated : DlmsApduStatus.TrailingBytes, "raw-data length matches the APDU", p);
                        }

                        IsData = true;
                        DataStart = p;
                        DataLength = length;
                        return DlmsApduStatus.Ok;
                    }

                    if (b[p] == 1 && end - p == 2)
                    {
                        Result = (DataAccessResult)b[p + 1];
                        return DlmsApduStatus.Ok;
                    }

                    return Fail(DlmsApduStatus.Malformed, "DataBlock-G result is raw-data [0] or data-access-result [1]", p);
                case GetApdu.WithList:
                    Kind = GetResponseKind.WithList;
                    return ParseListBody(b, p, end);
                default:
                    return Fail(DlmsApduStatus.Malformed, "GET-Response choice is 1 (normal), 2 (with-datablock) or 3 (with-list)", p - 2);
            }
        }

        /// <summary>
        /// Parses the body of a with-list response (item count, then per item data or Data-Access-Result), as found
        /// after the <c>C4 03</c> header or reassembled from the raw-data of a block transfer.
        /// </summary>
        public DlmsApduStatus ParseListBody(byte[] b, int p, int end)
        {
            Count = 0;
            int items;
            if (!AxdrReader.TryReadLength(b, ref p, end, out items))
            {
                return Fail(DlmsApduStatus.Truncated, "with-list item count", p);
            }

            if (items > _itemIsData.Length)
            {
                return Fail(DlmsApduStatus.TooManyItems, "with-list item count within the parser's capacity", p);
            }

            for (int i = 0; i < items; i++)
            {
                DlmsApduStatus status = ParseResult(b, p, end, false);
                if (status != DlmsApduStatus.Ok)
                {
                    return status;
                }

                _itemIsData[i] = IsData;
                _itemStart[i] = DataStart;
                _itemLength[i] = DataLength;
                _itemResult[i] = (byte)Result;
                p = IsData ? DataStart + DataLength : p + 2;
            }

            Count = items;
            IsData = false;
            if (p != end)
            {
                return Fail(DlmsApduStatus.TrailingBytes, "nothing after the last with-list item", p);
            }

            return DlmsApduStatus.Ok;
        }

        // Get-Data-Result: 00 Data | 01 Data-Access-Result.
        private DlmsApduStatus ParseResult(byte[] b, int p, int end, bool last)
        {
            if (p >= end)
            {
                return Fail(DlmsApduStatus.Truncated, "Get-Data-Result", p);
            }

            if (b[p] == 1)
            {
                if (end - p < 2)
                {
                    return Fail(DlmsApduStatus.Truncated, "data-access-result value", p);
                }

                IsData = false;
                Result = (DataAccessResult)b[p + 1];
                if (last && end - p != 2)
                {
                    return Fail(DlmsApduStatus.TrailingBytes, "nothing after the data-access-result", p + 2);
                }

                return DlmsApduStatus.Ok;
            }

            if (b[p] != 0)
            {
                return Fail(DlmsApduStatus.Malformed, "Get-Data-Result is data [0] or data-access-result [1]", p);
            }

            p++;
            _reader.Reset(b, p, end - p);
            AxdrStatus data = _reader.Skip();
            if (data != AxdrStatus.Ok)
            {
                return Fail(data == AxdrStatus.Truncated ? DlmsApduStatus.Truncated : DlmsApduStatus.Malformed, AxdrCheck(data), _reader.ValueOffset);
            }

            IsData = true;
            Result = DataAccessResult.Success;
            DataStart = p;
            DataLength = _reader.Position - p;
            if (last && _reader.Position != end)
            {
                return Fail(DlmsApduStatus.TrailingBytes, "nothing after the data", _reader.Position);
            }

            return DlmsApduStatus.Ok;
        }

        /// <summary>The check an A-XDR failure stands for.</summary>
        public static string AxdrCheck(AxdrStatus status)
        {
            switch (status)
            {
                case AxdrStatus.Truncated: return "A-XDR data complete (the APDU ends inside a value)";
                case AxdrStatus.UnknownTag: return "A-XDR data type tag known";
                case AxdrStatus.BadLength: return "A-XDR length field (at most 4 bytes, within the APDU)";
                case AxdrStatus.TooDeep: return "A-XDR nesting within the reader's depth";
                case AxdrStatus.BadCompactArray: return "compact-array contents match its type description";
                case AxdrStatus.TypeMismatch: return "A-XDR data of the expected type";
                default: return "A-XDR data";
            }
        }
    }
}
