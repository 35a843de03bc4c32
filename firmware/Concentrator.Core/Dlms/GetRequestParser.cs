namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Parses a GET request (the meter side and <c>decode</c>): normal (attribute and optional selective access),
    /// next (block number) or with-list (attributes). Access parameters are left in place for
    /// <see cref="SelectiveAccess.Read"/>. Allocation-free.
    /// </summary>
    public sealed class GetRequestParser
    {
        private readonly CosemAttributeDescriptor[] _items;
        private readonly int[] _itemAccessStart;
        private readonly byte[] _itemSelector;
        private readonly AxdrReader _reader = new AxdrReader();

        public GetRequestParser(int maxListItems)
        {
            _items = new CosemAttributeDescriptor[maxListItems];
            _itemAccessStart = new int[maxListItems];
            _itemSelector = new byte[maxListItems];
        }

        public byte Choice;
        public byte InvokeIdAndPriority;
        public CosemAttributeDescriptor Attribute;

        /// <summary>0 without selective access, else the access-selector; its parameters start at <see cref="AccessStart"/>.</summary>
        public byte Selector;
        public int AccessStart;
        public uint BlockNumber;
        public int Count;
        public string LastCheck = string.Empty;

        public CosemAttributeDescriptor Item(int index)
        {
            return _items[index];
        }

        public byte ItemSelector(int index)
        {
            return _itemSelector[index];
        }

        public int ItemAccessStart(int index)
        {
            return _itemAccessStart[index];
        }

        private DlmsApduStatus Fail(DlmsApduStatus status, string check)
        {
            LastCheck = check;
            return status;
        }

        public DlmsApduStatus Parse(byte[] b, int offset, int count)
        {
            LastCheck = string.Empty;
            Count = 0;
            Selector = 0;
            int p = offset;
            int end = offset + count;
            if (count < 1 || b[p] != (byte)DlmsApduTag.GetRequest)
            {
                return Fail(DlmsApduStatus.UnexpectedTag, "GET-Request tag 0xC0");
            }

            if (count < 3)
            {
                return Fail(DlmsApduStatus.Truncated, "GET-Request has choice and invoke-id");
            }

            Choice = b[p + 1];
            InvokeIdAndPriority = b[p + 2];
            p += 3;
            switch (Choice)
            {
                case GetApdu.Normal:
                    DlmsApduStatus status = ParseItem(b, ref p, end, out Attribute, out Selector, out AccessStart);
                    if (status != DlmsApduStatus.Ok)
                    {
                        return status;
                    }

                    return p == end ? DlmsApduStatus.Ok : Fail(DlmsApduStatus.TrailingBytes, "nothing after the attribute descriptor and access selection");
                case GetApdu.Next:
                    if (end - p != 4)
                    {
                        return Fail(end - p < 4 ? DlmsApduStatus.Truncated : DlmsApduStatus.TrailingBytes, "GET-Request-Next is a 4-byte block number");
                    }

                    BlockNumber = (uint)AxdrReader.BigEndian32(b, p);
                    return DlmsApduStatus.Ok;
                case GetApdu.WithList:
                    int items;
                    if (!AxdrReader.TryReadLength(b, ref p, end, out items))
                    {
                        return Fail(DlmsApduStatus.Truncated, "with-list item count");
                    }

                    if (items > _items.Length)
                    {
                        return Fail(DlmsApduStatus.TooManyItems, "with-list item count within the parser's capacity");
                    }

                    for (int i = 0; i < items; i++)
                    {
                        status = ParseItem(b, ref p, end, out _items[i], out _itemSelector[i], out _itemAccessStart[i]);
                        if (status != DlmsApduStatus.Ok)
                        {
                            return status;
                        }
                    }

                    Count = items;
                    return p == end ? DlmsApduStatus.Ok : Fail(DlmsApduStatus.TrailingBytes, "nothing after the last with-list item");
                default:
                    return Fail(DlmsApduStatus.Malformed, "GET-Request choice is 1 (normal), 2 (next) or 3 (with-list)");
            }
        }

        private DlmsApduStatus ParseItem(byte[] b, ref int p, int end, out CosemAttributeDescriptor attribute, out byte selector, out int accessStart)
        {
            attribute = new CosemAttributeDescriptor();
            selector = 0;
            accessStart = 0;
            if (end - p < 10)
            {
                return Fail(DlmsApduStatus.Truncated, "cosem-attribute-descriptor (9 bytes) and access-selection flag");
            }

            attribute = CosemAttributeDescriptor.Read(b, p);
            p += 9;
            byte present = b[p++];
            if (present == 0)
            {
                return DlmsApduStatus.Ok;
            }

            if (present != 1 || p >= end)
            {
                return Fail(DlmsApduStatus.Malformed, "access-selection flag is 0 or 1 followed by a selector");
            }

            selector = b[p++];
            accessStart = p;
            _reader.Reset(b, p, end - p);
            if (_reader.Skip() != AxdrStatus.Ok)
            {
                return Fail(DlmsApduStatus.Malformed, "access-parameters are A-XDR data");
            }

            p = _reader.Position;
            return DlmsApduStatus.Ok;
        }
    }
}
