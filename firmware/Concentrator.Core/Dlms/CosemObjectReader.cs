using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// Reads COSEM objects through a <see cref="DlmsClient"/> into a <see cref="ReadingSet"/>: Data (1), Register (3),
    /// Extended register (4, with its capture time), Demand register (5), Clock (8), Profile generic (7: capture
    /// objects, capture period, buffer rows by range or entry) and the association's object list (15) for discovery.
    /// Values and uncached scaler_units go into as few GET-with-list requests as the meter allows; scaler_unit is
    /// read once per meter and cached. An object the meter refuses is left out and named in the error; the others
    /// are still read. Allocation-free after construction. Its buffers are scratch for one read at a time: meters that
    /// share a client (one RS485 bus) share one reader, each bringing its own scaler_unit cache
    /// (<see cref="UseScalerUnits"/>, see <see cref="DlmsPollerScratch"/>).
    /// </summary>
    public sealed class CosemObjectReader
    {
        /// <summary>Most columns of a profile read.</summary>
        public const int MaxProfileColumns = 32;

        /// <summary>The <see cref="ReadingSet.Protocol"/> of DLMS readings.</summary>
        public const string ProtocolName = "dlms";

        private const byte RoleValue = 0;
        private const byte RoleScalerUnit = 1;
        private const byte RoleCaptureTime = 2;

        private static readonly ObisCode ClockName = new ObisCode(0, 0, 1, 0, 0, 255);
        private static readonly ObisCode CurrentAssociation = new ObisCode(0, 0, 40, 0, 0, 255);

        private readonly DlmsClient _client;
        private ScalerUnitCache _cache;
        private readonly CosemValueConverter _converter = new CosemValueConverter();
        private readonly Reading _scratchReading = new Reading();
        private readonly CosemAttributeDescriptor[] _attributes;
        private readonly int[] _attributeObject;
        private readonly byte[] _attributeRole;
        private readonly Reading[] _objectReading;
        // Made by the first profile read (32 descriptors are 4.6 KB of heap on nanoFramework; meters read only for
        // registers never need them), then kept.
        private CosemAttributeDescriptor[] _columns;
        private readonly ushort[] _columnDataIndex = new ushort[MaxProfileColumns];
        private readonly CosemAttributeDescriptor[] _one = new CosemAttributeDescriptor[2];
        private int _columnCount;
        private ObisCode _profileName;
        private bool _hasProfile;

        public CosemObjectReader(DlmsClient client, int scalerUnitCacheCapacity)
        {
            if (client == null)
            {
                throw new ArgumentNullException("client");
            }

            _client = client;
            _cache = new ScalerUnitCache(scalerUnitCacheCapacity);
            int capacity = client.MaxAttributesPerCall;
            _attributes = new CosemAttributeDescriptor[capacity];
            _attributeObject = new int[capacity];
            _attributeRole = new byte[capacity];
            _objectReading = new Reading[capacity];
        }

        public DlmsClientError LastError
        {
            get { return _client.LastError; }
        }

        /// <summary>The scaler_unit cache in use: the reader's own, or the one given to <see cref="UseScalerUnits"/>.</summary>
        public ScalerUnitCache ScalerUnits
        {
            get { return _cache; }
        }

        /// <summary>Reads the next meter with its own scaler_unit cache (scalers are the meter's configuration).</summary>
        public void UseScalerUnits(ScalerUnitCache cache)
        {
            if (cache == null)
            {
                throw new ArgumentNullException("cache");
            }

            _cache = cache;
        }

        /// <summary>Objects left out of the last <see cref="ReadObjects"/> because the meter refused them.</summary>
        public int Refused { get; private set; }

        /// <summary>Capture period (seconds) of the profile last read; 0 when the meter captures on events only.</summary>
        public long CapturePeriodSeconds { get; private set; }

        /// <summary>Columns (capture objects) of the profile last read.</summary>
        public int ProfileColumns
        {
            get { return _columnCount; }
        }

        public CosemAttributeDescriptor ProfileColumn(int index)
        {
            if (index < 0 || index >= _columnCount)
            {
                throw new ArgumentOutOfRangeException("index", "the profile last read has " + _columnCount.ToString() + " columns");
            }

            return _columns[index];
        }

        /// <summary>
        /// Reads the value of each object into <paramref name="set"/> (one reading per object, in order; refused
        /// objects are skipped). Returns Ok when all were read; otherwise the first failure, with what was read kept.
        /// </summary>
        public DlmsClientStatus ReadObjects(CosemObjectInfo[] objects, int count, ReadingSet set)
        {
            if (set.Protocol == null)
            {
                set.Protocol = ProtocolName;
            }

            Refused = 0;
            DlmsClientStatus first = DlmsClientStatus.Ok;
            string firstCheck = null;
            DataAccessResult firstResult = DataAccessResult.Success;
            CosemAttributeDescriptor firstAttribute = new CosemAttributeDescriptor();
            int index = 0;
            while (index < count)
            {
                // Fill one call with whole objects: value, uncached scaler_unit, extended register capture time.
                int attributes = 0;
                int batchStart = index;
                while (index < count)
                {
                    CosemObjectInfo info = objects[index];
                    int needed = 1;
                    sbyte scaler;
                    byte unit;
                    bool needScaler = CosemObjectInfo.HasScalerUnit(info.ClassId) && !_cache.TryGet(info.ClassId, info.LogicalName, out scaler, out unit);
                    if (needScaler)
                    {
                        needed++;
                    }

                    if (info.ClassId == CosemObjectInfo.ExtendedRegisterClass)
                    {
                        needed++;
                    }

                    if (attributes + needed > _attributes.Length)
                    {
                        break;
                    }

                    if (needScaler)
                    {
                        Add(ref attributes, info, CosemObjectInfo.ScalerUnitAttribute(info.ClassId), index - batchStart, RoleScalerUnit);
                    }

                    Add(ref attributes, info, CosemObjectInfo.ValueAttribute, index - batchStart, RoleValue);
                    if (info.ClassId == CosemObjectInfo.ExtendedRegisterClass)
                    {
                        Add(ref attributes, info, 5, index - batchStart, RoleCaptureTime);
                    }

                    index++;
                }

                if (attributes == 0)
                {
                    return _client.LastError.Set(DlmsClientStatus.CapacityExceeded, "an object's attributes fit MaxAttributesPerCall", _attributes.Length, 3);
                }

                DlmsClientStatus status = _client.GetList(_attributes, 0, attributes);
                if (status != DlmsClientStatus.Ok)
                {
                    return status;
                }

                for (int pass = 0; pass < 3; pass++)
                {
                    for (int a = 0; a < attributes; a++)
                    {
                        byte role = _attributeRole[a];
                        if ((pass == 0 && role != RoleScalerUnit) || (pass == 1 && role != RoleValue) || (pass == 2 && role != RoleCaptureTime))
                        {
                            continue;
                        }

                        CosemAttributeDescriptor attribute = _attributes[a];
                        DataAccessResult result = _client.Result(a);
                        int objectIndex = _attributeObject[a];
                        if (result != DataAccessResult.Success)
                        {
                            if (role != RoleCaptureTime)
                            {
                                MarkRefused(objectIndex);
                            }

                            if (first == DlmsClientStatus.Ok)
                            {
                                first = DlmsClientStatus.DataAccessError;
                                firstResult = result;
                                firstAttribute = attribute;
                                firstCheck = DlmsClientError.AttributeRefused;
                            }

                            continue;
                        }

                        DlmsClientStatus converted = Convert(a, role, objectIndex, set);
                        if (converted == DlmsClientStatus.CapacityExceeded)
                        {
                            return converted;
                        }

                        if (converted != DlmsClientStatus.Ok && first == DlmsClientStatus.Ok)
                        {
                            first = converted;
                            firstAttribute = attribute;
                            firstCheck = _client.LastError.Check;
                            MarkRefused(objectIndex);
                        }
                    }
                }

                for (int o = 0; o <= index - batchStart - 1; o++)
                {
                    _objectReading[o] = null;
                }
            }

            if (first != DlmsClientStatus.Ok)
            {
                DlmsClientError error = _client.LastError;
                error.Clear();
                error.Result = firstResult;
                error.SetAttribute(firstAttribute);
                error.Set(first, firstCheck);
            }

            return first;
        }

        private void Add(ref int attributes, CosemObjectInfo info, sbyte attribute, int objectIndex, byte role)
        {
            _attributes[attributes] = new CosemAttributeDescriptor(info.ClassId, info.LogicalName, attribute);
            _attributeObject[attributes] = objectIndex;
            _attributeRole[attributes] = role;
            _objectReading[objectIndex] = null;
            attributes++;
        }

        private void MarkRefused(int objectIndex)
        {
            if (_objectReading[objectIndex] == null)
            {
                _objectReading[objectIndex] = RefusedMarker;
                Refused++;
            }
        }

        // Stands for "this object failed" in _objectReading (never added to a set).
        private static readonly Reading RefusedMarker = new Reading();

        private DlmsClientStatus Convert(int a, byte role, int objectIndex, ReadingSet set)
        {
            CosemAttributeDescriptor attribute = _attributes[a];
            AxdrReader value = _client.Value(a);
            if (role == RoleScalerUnit)
            {
                sbyte scaler;
                byte unit;
                if (!ReadScalerUnit(value, out scaler, out unit))
                {
                    return _client.LastError.Set(DlmsClientStatus.UnexpectedType, "scaler_unit is structure { integer scaler, enum unit }");
                }

                _cache.Set(attribute.ClassId, attribute.LogicalName, scaler, unit);
                return DlmsClientStatus.Ok;
            }

            Reading existing = _objectReading[objectIndex];
            if (role == RoleCaptureTime)
            {
                if (existing == null || existing == RefusedMarker)
                {
                    return DlmsClientStatus.Ok;
                }

                CosemDateTime captured;
                if (SelectiveAccess.ReadDateTime(value, out captured))
                {
                    MeterTime time;
                    if (captured.TryGetMeterTime(out time))
                    {
                        existing.HasTime = true;
                        existing.Time = time;
                    }
                }

                return DlmsClientStatus.Ok;
            }

            if (existing == RefusedMarker)
            {
                return DlmsClientStatus.Ok; // its scaler_unit was refused: a value without its unit would mislead
            }

            sbyte scalerValue = 0;
            byte unitValue = 0;
            bool hasScaler = CosemObjectInfo.HasScalerUnit(attribute.ClassId) && _cache.TryGet(attribute.ClassId, attribute.LogicalName, out scalerValue, out unitValue);
            Reading reading;
            DlmsClientStatus added = AddConverted(value, set, attribute.LogicalName, hasScaler, scalerValue, unitValue, attribute.ClassId == CosemObjectInfo.ClockClass, out reading);
            if (added != DlmsClientStatus.Ok)
            {
                return added;
            }

            _objectReading[objectIndex] = reading;
            if (attribute.ClassId == CosemObjectInfo.ClockClass && reading.HasTime && !set.HasTime)
            {
                set.HasTime = true;
                set.Time = reading.Time;
            }

            return DlmsClientStatus.Ok;
        }

        // Converts the next value into a scratch reading and adds it to the set only when it converted: a value that
        // fails leaves no half-filled reading behind.
        private DlmsClientStatus AddConverted(AxdrReader value, ReadingSet set, ObisCode obis, bool hasScaler, sbyte scaler, byte unit, bool octetStringIsDateTime, out Reading added)
        {
            added = null;
            if (set.Count == set.Capacity)
            {
                return _client.LastError.Set(DlmsClientStatus.CapacityExceeded, "readings fit the ReadingSet", set.Capacity, set.Capacity + 1);
            }

            Reading scratch = _scratchReading;
            scratch.Clear();
            scratch.Obis = obis;
            if (!_converter.Convert(value, set, scratch, hasScaler, scaler, unit, octetStringIsDateTime))
            {
                return set.TextLength + CosemValueConverter.MaxHexBytes * 2 > set.TextCapacity
                    ? _client.LastError.Set(DlmsClientStatus.CapacityExceeded, "text fits the ReadingSet", set.TextCapacity, set.TextLength + CosemValueConverter.MaxHexBytes * 2)
                    : _client.LastError.Set(DlmsClientStatus.MalformedResponse, "value is well-formed A-XDR");
            }

            added = set.Add();
            added.Obis = scratch.Obis;
            added.Kind = scratch.Kind;
            added.Flags = scratch.Flags;
            added.Mantissa = scratch.Mantissa;
            added.Exponent = scratch.Exponent;
            added.TextStart = scratch.TextStart;
            added.TextLength = scratch.TextLength;
            added.UnitStart = scratch.UnitStart;
            added.UnitLength = scratch.UnitLength;
            added.HasTime = scratch.HasTime;
            added.Time = scratch.Time;
            return DlmsClientStatus.Ok;
        }

        private static bool ReadScalerUnit(AxdrReader value, out sbyte scaler, out byte unit)
        {
            scaler = 0;
            unit = 0;
            if (value.Read(AxdrTag.Structure) != AxdrStatus.Ok || value.Count != 2)
            {
                return false;
            }

            if (value.Read() != AxdrStatus.Ok || !value.IsInteger)
            {
                return false;
            }

            scaler = (sbyte)value.Integer;
            if (value.Read() != AxdrStatus.Ok || !value.IsInteger)
            {
                return false;
            }

            unit = (byte)value.Integer;
            return true;
        }

        /// <summary>Reads the meter's clock (Clock 0.0.1.0.0.255 attribute 2) into the set's time.</summary>
        public DlmsClientStatus ReadClock(ReadingSet set)
        {
            DlmsClientStatus status = _client.Get(new CosemAttributeDescriptor(CosemObjectInfo.ClockClass, ClockName, 2));
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            CosemDateTime value;
            MeterTime time;
            if (!SelectiveAccess.ReadDateTime(_client.Value(0), out value) || !value.TryGetMeterTime(out time))
            {
                return _client.LastError.Set(DlmsClientStatus.UnexpectedType, "Clock.time is a specified date-time (octet-string(12))");
            }

            set.HasTime = true;
            set.Time = time;
            return DlmsClientStatus.Ok;
        }

        /// <summary>
        /// Reads a Profile generic: capture objects and capture period (one with-list exchange, kept for the next read
        /// of the same profile), the scaler_units of its register columns, then the buffer with the given selective
        /// access. Each value of each row becomes a reading with the column's OBIS and the row's clock time; the clock
        /// column itself gives the time (a null clock, as compressing meters send, is the previous row + capture period).
        /// </summary>
        public DlmsClientStatus ReadProfile(ObisCode profile, SelectiveAccess access, ReadingSet set)
        {
            if (set.Protocol == null)
            {
                set.Protocol = ProtocolName;
            }

            DlmsClientStatus status;
            if (!_hasProfile || _profileName != profile)
            {
                status = ReadProfileDefinition(profile);
                if (status != DlmsClientStatus.Ok)
                {
                    return status;
                }
            }

            status = ReadColumnScalers();
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            CosemAttributeDescriptor buffer = new CosemAttributeDescriptor(CosemObjectInfo.ProfileGenericClass, profile, 2);
            status = _client.Get(buffer, access);
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            AxdrReader rows = _client.Value(0);
            if (rows.Read() != AxdrStatus.Ok || (rows.Tag != AxdrTag.Array && rows.Tag != AxdrTag.CompactArray))
            {
                return Unexpected(buffer, "Profile generic buffer is an array of rows");
            }

            int rowCount = rows.Count;
            bool haveTime = false;
            MeterTime rowTime = new MeterTime();
            for (int r = 0; r < rowCount; r++)
            {
                if (rows.Read(AxdrTag.Structure) != AxdrStatus.Ok || rows.Count != _columnCount)
                {
                    return Unexpected(buffer, "each buffer row is a structure with one value per capture object");
                }

                int firstReading = set.Count;
                bool rowHasTime = false;
                for (int c = 0; c < _columnCount; c++)
                {
                    CosemAttributeDescriptor column = _columns[c];
                    if (column.ClassId == CosemObjectInfo.ClockClass && column.Attribute == 2)
                    {
                        int at = rows.Position;
                        CosemDateTime stamp;
                        MeterTime time;
                        if (SelectiveAccess.ReadDateTime(rows, out stamp) && stamp.TryGetMeterTime(out time))
                        {
                            rowTime = time;
                            rowHasTime = true;
                        }
                        else if (rows.Tag == AxdrTag.NullData && haveTime && CapturePeriodSeconds > 0)
                        {
                            rowTime.Local = rowTime.Local.AddSeconds(CapturePeriodSeconds);
                            rowHasTime = true;
                        }
                        else if (rows.Position == at)
                        {
                            return Unexpected(buffer, "clock column is well-formed A-XDR");
                        }

                        continue;
                    }

                    sbyte scaler = 0;
                    byte unit = 0;
                    bool hasScaler = column.Attribute == 2 && CosemObjectInfo.HasScalerUnit(column.ClassId) && _cache.TryGet(column.ClassId, column.LogicalName, out scaler, out unit);
                    Reading reading;
                    DlmsClientStatus added = AddConverted(rows, set, column.LogicalName, hasScaler, scaler, unit, false, out reading);
                    if (added != DlmsClientStatus.Ok)
                    {
                        return added;
                    }
                }

                if (rowHasTime)
                {
                    haveTime = true;
                    for (int i = firstReading; i < set.Count; i++)
                    {
                        set[i].HasTime = true;
                        set[i].Time = rowTime;
                    }
                }
            }

            return DlmsClientStatus.Ok;
        }

        private DlmsClientStatus Unexpected(CosemAttributeDescriptor attribute, string check)
        {
            DlmsClientError error = _client.LastError;
            error.SetAttribute(attribute);
            return error.Set(DlmsClientStatus.UnexpectedType, check);
        }

        private DlmsClientStatus ReadProfileDefinition(ObisCode profile)
        {
            _hasProfile = false;
            _one[0] = new CosemAttributeDescriptor(CosemObjectInfo.ProfileGenericClass, profile, 3);
            _one[1] = new CosemAttributeDescriptor(CosemObjectInfo.ProfileGenericClass, profile, 4);
            DlmsClientStatus status = _client.GetList(_one, 0, 2);
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            for (int i = 0; i < 2; i++)
            {
                if (_client.Result(i) != DataAccessResult.Success)
                {
                    DlmsClientError error = _client.LastError;
                    error.Result = _client.Result(i);
                    error.SetAttribute(_one[i]);
                    return error.Set(DlmsClientStatus.DataAccessError, DlmsClientError.AttributeRefused);
                }
            }

            AxdrReader objects = _client.Value(0);
            if (objects.Read(AxdrTag.Array) != AxdrStatus.Ok)
            {
                return Unexpected(_one[0], "capture_objects is an array");
            }

            int count = objects.Count;
            if (count > MaxProfileColumns)
            {
                return _client.LastError.Set(DlmsClientStatus.CapacityExceeded, "profile columns within MaxProfileColumns", MaxProfileColumns, count);
            }

            for (int c = 0; c < count; c++)
            {
                if (objects.Read(AxdrTag.Structure) != AxdrStatus.Ok || objects.Count != 4 ||
                    objects.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return Unexpected(_one[0], "capture object is structure { long-unsigned class_id, octet-string logical_name, integer attribute_index, long-unsigned data_index }");
                }

                ushort classId = (ushort)objects.Integer;
                if (objects.Read(AxdrTag.OctetString) != AxdrStatus.Ok || objects.ValueLength != 6)
                {
                    return Unexpected(_one[0], "capture object logical_name is octet-string(6)");
                }

                byte[] b = objects.Buffer;
                int s = objects.ValueStart;
                ObisCode name = new ObisCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
                if (objects.Read(AxdrTag.Integer) != AxdrStatus.Ok)
                {
                    return Unexpected(_one[0], "capture object attribute_index is integer");
                }

                sbyte attribute = (sbyte)objects.Integer;
                if (objects.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return Unexpected(_one[0], "capture object data_index is long-unsigned");
                }

                if (_columns == null)
                {
                    _columns = new CosemAttributeDescriptor[MaxProfileColumns];
                }

                _columns[c] = new CosemAttributeDescriptor(classId, name, attribute);
                _columnDataIndex[c] = (ushort)objects.Integer;
            }

            AxdrReader period = _client.Value(1);
            if (period.Read() != AxdrStatus.Ok || !period.IsInteger)
            {
                return Unexpected(_one[1], "capture_period is double-long-unsigned");
            }

            CapturePeriodSeconds = period.Integer;
            _columnCount = count;
            _profileName = profile;
            _hasProfile = true;
            return DlmsClientStatus.Ok;
        }

        // scaler_unit of the profile's register columns that the cache lacks, in one call.
        private DlmsClientStatus ReadColumnScalers()
        {
            int attributes = 0;
            for (int c = 0; c < _columnCount && attributes < _attributes.Length; c++)
            {
                CosemAttributeDescriptor column = _columns[c];
                sbyte scaler;
                byte unit;
                if (column.Attribute == 2 && CosemObjectInfo.HasScalerUnit(column.ClassId) && !_cache.TryGet(column.ClassId, column.LogicalName, out scaler, out unit))
                {
                    _attributes[attributes++] = new CosemAttributeDescriptor(column.ClassId, column.LogicalName, CosemObjectInfo.ScalerUnitAttribute(column.ClassId));
                }
            }

            if (attributes == 0)
            {
                return DlmsClientStatus.Ok;
            }

            DlmsClientStatus status = _client.GetList(_attributes, 0, attributes);
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            for (int a = 0; a < attributes; a++)
            {
                sbyte scaler;
                byte unit;
                if (_client.Result(a) == DataAccessResult.Success && ReadScalerUnit(_client.Value(a), out scaler, out unit))
                {
                    _cache.Set(_attributes[a].ClassId, _attributes[a].LogicalName, scaler, unit);
                }
            }

            return DlmsClientStatus.Ok;
        }

        /// <summary>
        /// Reads the current association's object list (Association LN 0.0.40.0.0.255 attribute 2): what the meter
        /// offers to this client. Fills <paramref name="objects"/>; <paramref name="total"/> is the meter's count.
        /// CapacityExceeded when the array is too small (it is filled as far as it goes).
        /// </summary>
        public DlmsClientStatus ReadObjectList(CosemObjectInfo[] objects, out int total)
        {
            if (objects == null)
            {
                throw new ArgumentNullException("objects");
            }

            return ReadObjectList(objects, null, null, null, out total);
        }

        /// <summary>
        /// Reads the association's object list into columns: class, version and logical name
        /// (<see cref="ObisCode.ToKey"/>) of entry i at index i; a list longer than the columns is CapacityExceeded,
        /// with <paramref name="total"/> the meter's count and the columns holding the first entries. Columns cost a
        /// few bytes per entry on nanoFramework, an array of <see cref="CosemObjectInfo"/> 144.
        /// </summary>
        public DlmsClientStatus ReadObjectList(ushort[] classes, byte[] versions, long[] names, out int total)
        {
            if (classes == null || versions == null || names == null)
            {
                throw new ArgumentNullException(classes == null ? "classes" : versions == null ? "versions" : "names");
            }

            if (versions.Length != classes.Length || names.Length != classes.Length)
            {
                throw new ArgumentException("the columns have one length", "versions");
            }

            return ReadObjectList(null, classes, versions, names, out total);
        }

        private DlmsClientStatus ReadObjectList(CosemObjectInfo[] objects, ushort[] classes, byte[] versions, long[] names, out int total)
        {
            int capacity = objects != null ? objects.Length : classes.Length;
            total = 0;
            CosemAttributeDescriptor list = new CosemAttributeDescriptor(CosemObjectInfo.AssociationLogicalNameClass, CurrentAssociation, 2);
            DlmsClientStatus status = _client.Get(list);
            if (status != DlmsClientStatus.Ok)
            {
                return status;
            }

            AxdrReader reader = _client.Value(0);
            if (reader.Read() != AxdrStatus.Ok || (reader.Tag != AxdrTag.Array && reader.Tag != AxdrTag.CompactArray))
            {
                return Unexpected(list, "object_list is an array");
            }

            total = reader.Count;
            for (int i = 0; i < total; i++)
            {
                if (reader.Read(AxdrTag.Structure) != AxdrStatus.Ok || reader.Count < 3)
                {
                    return Unexpected(list, "object_list_element is structure { class_id, version, logical_name, access_rights }");
                }

                int fields = reader.Count;
                if (reader.Read(AxdrTag.LongUnsigned) != AxdrStatus.Ok)
                {
                    return Unexpected(list, "object_list_element class_id is long-unsigned");
                }

                ushort classId = (ushort)reader.Integer;
                if (reader.Read(AxdrTag.Unsigned) != AxdrStatus.Ok)
                {
                    return Unexpected(list, "object_list_element version is unsigned");
                }

                byte version = (byte)reader.Integer;
                if (reader.Read(AxdrTag.OctetString) != AxdrStatus.Ok || reader.ValueLength != 6)
                {
                    return Unexpected(list, "object_list_element logical_name is octet-string(6)");
                }

                byte[] b = reader.Buffer;
                int s = reader.ValueStart;
                if (i < capacity)
                {
                    ObisCode name = new ObisCode(b[s], b[s + 1], b[s + 2], b[s + 3], b[s + 4], b[s + 5]);
                    if (objects != null)
                    {
                        objects[i].ClassId = classId;
                        objects[i].Version = version;
                        objects[i].LogicalName = name;
                    }
                    else
                    {
                        classes[i] = classId;
                        versions[i] = version;
                        names[i] = name.ToKey();
                    }
                }

                if (reader.SkipElements(fields - 3) != AxdrStatus.Ok)
                {
                    return Unexpected(list, "object_list_element access_rights is well-formed A-XDR");
                }
            }

            if (total > capacity)
            {
                return _client.LastError.Set(DlmsClientStatus.CapacityExceeded, "object list fits the array given", capacity, total);
            }

            return DlmsClientStatus.Ok;
        }
    }
}
