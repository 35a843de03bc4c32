using Concentrator.Core.Obis;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Selective access to a Profile generic buffer (Blue Book 4.3.6): by range (selector 1: the rows whose
    /// restricting column, normally the clock, lies in [from, to]) or by entry (selector 2: rows and columns by
    /// index, 1-based, 0 meaning "the last").
    /// </summary>
    public struct SelectiveAccess
    {
        public const byte None = 0;
        public const byte ByRangeSelector = 1;
        public const byte ByEntrySelector = 2;

        public byte Selector;

        // by range
        public ushort RestrictingClassId;
        public ObisCode RestrictingLogicalName;
        public sbyte RestrictingAttribute;
        public ushort RestrictingDataIndex;
        public CosemDateTime From;
        public CosemDateTime To;

        // by entry
        public uint FromEntry;
        public uint ToEntry;
        public ushort FromColumn;
        public ushort ToColumn;

        /// <summary>Rows whose clock column (Clock 0.0.1.0.0.255 attribute 2) lies between from and to, all columns.</summary>
        public static SelectiveAccess ByRange(CosemDateTime from, CosemDateTime to)
        {
            SelectiveAccess access = new SelectiveAccess();
            access.Selector = ByRangeSelector;
            access.RestrictingClassId = 8;
            access.RestrictingLogicalName = new ObisCode(0, 0, 1, 0, 0, 255);
            access.RestrictingAttribute = 2;
            access.RestrictingDataIndex = 0;
            access.From = from;
            access.To = to;
            return access;
        }

        /// <summary>Rows fromEntry..toEntry (1-based; toEntry 0 = up to the last), all columns.</summary>
        public static SelectiveAccess ByEntry(uint fromEntry, uint toEntry)
        {
            SelectiveAccess access = new SelectiveAccess();
            access.Selector = ByEntrySelector;
            access.FromEntry = fromEntry;
            access.ToEntry = toEntry;
            access.FromColumn = 1;
            access.ToColumn = 0;
            return access;
        }

        /// <summary>access-selector and access-parameters (the bytes after the "01" that marks access selection present).</summary>
        public void Write(AxdrWriter writer)
        {
            writer.Byte(Selector);
            if (Selector == ByRangeSelector)
            {
                writer.Structure(4);
                writer.Structure(4);
                writer.UInt16Value(RestrictingClassId);
                writer.LogicalName(RestrictingLogicalName);
                writer.Int8(RestrictingAttribute);
                writer.UInt16Value(RestrictingDataIndex);
                writer.DateTimeOctetString(From);
                writer.DateTimeOctetString(To);
                writer.Array(0); // selected_values: all columns
            }
            else
            {
                writer.Structure(4);
                writer.UInt32Value(FromEntry);
                writer.UInt32Value(ToEntry);
                writer.UInt16Value(FromColumn);
                writer.UInt16Value(ToColumn);
            }
        }

        /// <summary>
        /// Reads access-parameters for the selector already read (the meter side and <c>decode</c>). The range's
        /// from/to may be octet-string(12) or date-time. Returns the failed check, or null when it parsed.
        /// </summary>
        public static string Read(AxdrReader reader, byte selector, out SelectiveAccess access)
        {
            access = new SelectiveAccess();
            access.Selector = selector;
            if (selector == ByRangeSelector)
            {
                if (reader.Read(AxdrTag.Structure) != AxdrStatus.Ok || reader.Count != 4)
                {
                    return "range_descriptor is a structure of 4";
                }

                if (reader.Read(AxdrTag.Structure) != AxdrStatus.Ok || reader.Count != 4)
                {
                    return "restricting_object is a structure of 4";
                }

                if (reader.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return "restricting_object class_id is long-unsigned";
                }

                access.RestrictingClassId = (ushort)reader.Integer;
                if (reader.Read(AxdrTag.OctetString) != AxdrStatus.Ok || reader.ValueLength != 6)
                {
                    return "restricting_object logical_name is octet-string(6)";
                }

                byte[] b = reader.Buffer;
                int s = reader.ValueStart;
                access.RestrictingLogicalName = new ObisCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
                if (reader.Read(AxdrTag.Integer) != AxdrStatus.Ok)
                {
                    return "restricting_object attribute_index is integer";
                }

                access.RestrictingAttribute = (sbyte)reader.Integer;
                if (reader.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return "restricting_object data_index is long-unsigned";
                }

                access.RestrictingDataIndex = (ushort)reader.Integer;
                if (!ReadDateTime(reader, out access.From))
                {
                    return "from_value is a date-time (octet-string(12))";
                }

                if (!ReadDateTime(reader, out access.To))
                {
                    return "to_value is a date-time (octet-string(12))";
                }

                if (reader.Read(AxdrTag.Array) != AxdrStatus.Ok || reader.SkipElements(reader.Count) != AxdrStatus.Ok)
                {
                    return "selected_values is an array";
                }

                return null;
            }

            if (selector == ByEntrySelector)
            {
                if (reader.Read(AxdrTag.Structure) != AxdrStatus.Ok || reader.Count != 4)
                {
                    return "entry_descriptor is a structure of 4";
                }

                if (reader.Read(AxdrTag.DoubleLongUnsigned) != AxdrStatus.Ok)
                {
                    return "from_entry is double-long-unsigned";
                }

                access.FromEntry = (uint)reader.Integer;
                if (reader.Read(AxdrTag.DoubleLongUnsigned) != AxdrStatus.Ok)
                {
                    return "to_entry is double-long-unsigned";
                }

                access.ToEntry = (uint)reader.Integer;
                if (reader.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return "from_selected_value is long-unsigned";
                }

                access.FromColumn = (ushort)reader.Integer;
                if (reader.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return "to_selected_value is long-unsigned";
                }

                access.ToColumn = (ushort)reader.Integer;
                return null;
            }

            return "access-selector is 1 (by range) or 2 (by entry)";
        }

        /// <summary>Reads a date-time sent as octet-string(12) or as the date-time type.</summary>
        public static bool ReadDateTime(AxdrReader reader, out CosemDateTime value)
        {
            value = new CosemDateTime();
            if (reader.Read() != AxdrStatus.Ok)
            {
                return false;
            }

            if (reader.Tag == AxdrTag.DateTime)
            {
                value = reader.DateTime;
                return true;
            }

            if (reader.Tag == AxdrTag.OctetString && reader.ValueLength == CosemDateTime.Length)
            {
                value = CosemDateTime.Parse(reader.Buffer, reader.ValueStart);
                return true;
            }

            return false;
        }
    }
}
