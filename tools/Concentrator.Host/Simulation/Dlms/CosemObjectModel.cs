using Concentrator.Core.Dlms;
using Concentrator.Core.Obis;

namespace Concentrator.Host.Simulation.Dlms;

/// <summary>
/// The object set of the simulated meter (the E350/MeterCom list of the seeds, plus an Extended register for maximum
/// demand) and the encoding of every attribute a reader asks for: logical names, values, scaler_units, clock,
/// profiles with selective access, the association's object list. Values come from <see cref="CosemMeterValues"/>.
/// </summary>
public sealed class CosemObjectModel
{
    public static readonly ObisCode ClockName = new(0, 0, 1, 0, 0, 255);
    public static readonly ObisCode LoadProfile = new(1, 0, 99, 1, 0, 255);

    /// <summary>Maximum demand import, an Extended register the E350 has but the module's list does not show.</summary>
    public static readonly ObisCode MaximumDemandImport = new(1, 0, 1, 6, 0, 255);

    private readonly List<CosemObjectInfo> _objects = new();
    private readonly HashSet<(ushort, ObisCode)> _known = new();
    private readonly Dictionary<ObisCode, CosemProfileDefinition> _profiles = new();
    private readonly CosemMeterValues _values;
    private readonly string _serial;

    public CosemObjectModel(int seed, string serialNumber)
    {
        _values = new CosemMeterValues(seed);
        _serial = serialNumber;
        foreach (E350CosemObject row in E350CosemObjectList.Objects)
        {
            Add(row.ClassId, ParseDotted(row.Obis));
        }

        Add(CosemObjectInfo.ExtendedRegisterClass, MaximumDemandImport);

        var clock = new CosemAttributeDescriptor(CosemObjectInfo.ClockClass, ClockName, 2);
        CosemAttributeDescriptor Energy(byte c) => new(CosemObjectInfo.RegisterClass, new ObisCode(1, 0, c, 8, 0, 255), 2);
        CosemAttributeDescriptor Voltage(byte c) => new(CosemObjectInfo.RegisterClass, new ObisCode(1, 0, c, 7, 0, 255), 2);
        var eventCode = new CosemAttributeDescriptor(CosemObjectInfo.DataClass, new ObisCode(0, 0, 96, 11, 0, 255), 2);
        AddProfile(new CosemProfileDefinition(LoadProfile, 900, 10 * 96, new[] { clock, Energy(1), Energy(2), Energy(3), Energy(4) }));
        AddProfile(new CosemProfileDefinition(new ObisCode(1, 0, 99, 2, 0, 255), 3600, 10 * 24, new[] { clock, Voltage(32), Voltage(52), Voltage(72) }));
        AddProfile(new CosemProfileDefinition(new ObisCode(1, 0, 99, 3, 0, 255), 86400, 60, new[] { clock, Energy(1), Energy(2) }));
        foreach (CosemObjectInfo info in _objects)
        {
            if (info.ClassId == CosemObjectInfo.ProfileGenericClass && !_profiles.ContainsKey(info.LogicalName))
            {
                // Event logs and the monthly profile: captured on events, empty in the simulation.
                AddProfile(new CosemProfileDefinition(info.LogicalName, 0, 0, new[] { clock, eventCode }));
            }
        }
    }

    public IReadOnlyList<CosemObjectInfo> Objects => _objects;

    public CosemMeterValues Values => _values;

    public CosemProfileDefinition Profile(ObisCode name) => _profiles[name];

    private void Add(ushort classId, ObisCode name)
    {
        if (_known.Add((classId, name)))
        {
            _objects.Add(new CosemObjectInfo(classId, name));
        }
    }

    private void AddProfile(CosemProfileDefinition profile) => _profiles[profile.Name] = profile;

    private static ObisCode ParseDotted(string dotted)
    {
        string[] parts = dotted.Split('.');
        return new ObisCode(byte.Parse(parts[0]), byte.Parse(parts[1]), byte.Parse(parts[2]), byte.Parse(parts[3]), byte.Parse(parts[4]), byte.Parse(parts[5]));
    }

    public bool Exists(ushort classId, ObisCode name) => _known.Contains((classId, name));

    /// <summary>
    /// Writes the value of one attribute; returns Success or the Data-Access-Result the meter gives.
    /// <paramref name="access"/> is for Profile generic buffers (selector 0: none).
    /// </summary>
    public DataAccessResult Read(CosemAttributeDescriptor attribute, SelectiveAccess access, AxdrWriter writer, DateTime utc)
    {
        if (!Exists(attribute.ClassId, attribute.LogicalName))
        {
            return Exists(OtherClass(attribute.LogicalName), attribute.LogicalName) ? DataAccessResult.ObjectClassInconsistent : DataAccessResult.ObjectUndefined;
        }

        if (attribute.Attribute == 1)
        {
            writer.LogicalName(attribute.LogicalName);
            return DataAccessResult.Success;
        }

        if (access.Selector != SelectiveAccess.None && !(attribute.ClassId == CosemObjectInfo.ProfileGenericClass && attribute.Attribute == 2))
        {
            return DataAccessResult.ScopeOfAccessViolated;
        }

        return attribute.ClassId switch
        {
            CosemObjectInfo.DataClass => ReadData(attribute, writer, utc),
            CosemObjectInfo.RegisterClass => ReadRegister(attribute, writer, utc),
            CosemObjectInfo.ExtendedRegisterClass => ReadExtendedRegister(attribute, writer, utc),
            CosemObjectInfo.DemandRegisterClass => ReadDemandRegister(attribute, writer, utc),
            CosemObjectInfo.ClockClass => ReadClock(attribute, writer, utc),
            CosemObjectInfo.ProfileGenericClass => ReadProfile(attribute, access, writer, utc),
            CosemObjectInfo.AssociationLogicalNameClass => ReadAssociation(attribute, writer),
            _ => DataAccessResult.ReadWriteDenied, // setup and control objects: not for a reading client
        };
    }

    private ushort OtherClass(ObisCode name)
    {
        foreach (CosemObjectInfo info in _objects)
        {
            if (info.LogicalName == name)
            {
                return info.ClassId;
            }
        }

        return 0;
    }

    private DataAccessResult ReadData(CosemAttributeDescriptor attribute, AxdrWriter w, DateTime utc)
    {
        if (attribute.Attribute != 2)
        {
            return DataAccessResult.ObjectUndefined;
        }

        ObisCode n = attribute.LogicalName;
        if (n == new ObisCode(0, 0, 42, 0, 0, 255))
        {
            Octets(w, "LGZ" + _serial.PadLeft(13, '0'));
        }
        else if (n.C == 0 && n.D == 2)
        {
            if (n.E == 8)
            {
                w.UInt16Value(0x5A3C);
            }
            else
            {
                w.VisibleString(n.B == 1 ? "MCP 1.0.3.2.0" : n.E == 0 ? "B31.4" : "CFG-" + n.E);
            }
        }
        else if (n.C == 96 && n.D == 1)
        {
            Octets(w, n.B == 1 ? "5010080020" : _serial);
        }
        else if (n.C == 96 && n.D == 14)
        {
            if (n.E == 0)
            {
                DateTime local = EuropeanSummerTime.ToLocal(utc, out _);
                w.UInt8Value(local.Hour >= 7 && local.Hour < 21 ? 1 : 2);
            }
            else
            {
                w.Boolean(n.E == 1);
            }
        }
        else if (n.C == 96 && n.D == 7)
        {
            w.UInt16Value(n.E == 0 ? 3 : 1 + n.E);
        }
        else if (n.C == 0 && n.D == 8)
        {
            w.UInt32Value(n.E == 5 ? 3600u : 900u);
        }
        else if (n.C == 96 && n.D == 5 || n.C == 97)
        {
            w.UInt32Value(0);
        }
        else if (n.C == 96 && n.D == 90)
        {
            Octets(w, n.E == 255 ? "E350 ZCF110" : _serial);
        }
        else if (n.C == 44)
        {
            Octets(w, string.Empty);
        }
        else
        {
            w.Null();
        }

        return DataAccessResult.Success;
    }

    private static void Octets(AxdrWriter w, string ascii)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(ascii);
        w.OctetString(bytes, 0, bytes.Length);
    }

    /// <summary>Scaler and unit of a register, by its quantity (value group C) and kind (D).</summary>
    public static (int Scaler, int Unit) ScalerUnit(ObisCode n)
    {
        if (n.D == 8 || n.D == 6)
        {
            return n.C switch
            {
                82 => (0, 255),
                3 or 4 or 5 or 6 or 7 or 8 or 130 or 131 or 132 or 133 => (0, 32),
                9 => (0, 31),
                _ => n.D == 6 ? (0, 27) : (0, 30),
            };
        }

        return n.C switch
        {
            32 or 52 or 72 => (-1, 35),
            31 or 51 or 71 => (-2, 33),
            33 or 53 or 73 or 13 => (-3, 255),
            14 => (-2, 44),
            23 or 43 or 63 or 131 or 151 or 171 or 191 => (0, 29),
            _ => (0, 27),
        };
    }

    private void WriteRegisterValue(ObisCode n, AxdrWriter w, DateTime utc)
    {
        if (n.D == 8)
        {
            w.UInt32Value(n.C == 82 ? (uint)(n.E == 1 ? 2 : 0) : (uint)_values.EnergyRegister(n, utc));
            return;
        }

        double watts = _values.ImportWatts(utc);
        switch (n.C)
        {
            case 32:
            case 52:
            case 72:
                w.UInt16Value((int)Math.Round(CosemMeterValues.Volts(n.C == 32 ? 1 : n.C == 52 ? 2 : 3, utc) * 10));
                break;
            case 31:
            case 51:
            case 71:
                w.UInt16Value((int)Math.Round(watts / 3 / 230 * 100));
                break;
            case 33:
            case 53:
            case 73:
            case 13:
                w.Int16(970);
                break;
            case 14:
                w.UInt16Value(5000);
                break;
            case 21:
            case 41:
            case 61:
            case 36:
            case 56:
            case 76:
                w.Int32((int)Math.Round(watts / 3));
                break;
            case 1:
            case 16:
                w.Int32((int)Math.Round(watts));
                break;
            case 23:
            case 43:
            case 63:
            case 151:
            case 171:
            case 191:
                w.Int32((int)Math.Round(watts * 0.2 / 3));
                break;
            case 131:
                w.Int32((int)Math.Round(watts * 0.2));
                break;
            default:
                w.Int32(0); // export quantities: nothing fed back
                break;
        }
    }

    private DataAccessResult ReadRegister(CosemAttributeDescriptor attribute, AxdrWriter w, DateTime utc)
    {
        switch (attribute.Attribute)
        {
            case 2:
                WriteRegisterValue(attribute.LogicalName, w, utc);
                return DataAccessResult.Success;
            case 3:
                WriteScalerUnit(w, ScalerUnit(attribute.LogicalName));
                return DataAccessResult.Success;
            default:
                return DataAccessResult.ObjectUndefined;
        }
    }

    private static void WriteScalerUnit(AxdrWriter w, (int Scaler, int Unit) scalerUnit)
    {
        w.Structure(2);
        w.Int8(scalerUnit.Scaler);
        w.Enum(scalerUnit.Unit);
    }

    private DataAccessResult ReadExtendedRegister(CosemAttributeDescriptor attribute, AxdrWriter w, DateTime utc)
    {
        // Maximum demand: the highest quarter-hour mean of today, captured at the daily peak (19:00 local).
        DateTime local = EuropeanSummerTime.ToLocal(utc, out bool summer);
        DateTime peakLocal = local.Date.AddHours(19) <= local ? local.Date.AddHours(19) : local.Date.AddDays(-1).AddHours(19);
        switch (attribute.Attribute)
        {
            case 2:
                w.UInt32Value(1880);
                return DataAccessResult.Success;
            case 3:
                WriteScalerUnit(w, (0, 27));
                return DataAccessResult.Success;
            case 4:
                w.Null();
                return DataAccessResult.Success;
            case 5:
                w.DateTimeOctetString(CosemDateTime.From(peakLocal, (short)(summer ? -120 : -60), summer ? CosemDateTime.StatusDaylightSavingActive : (byte)0));
                return DataAccessResult.Success;
            default:
                return DataAccessResult.ObjectUndefined;
        }
    }

    private DataAccessResult ReadDemandRegister(CosemAttributeDescriptor attribute, AxdrWriter w, DateTime utc)
    {
        switch (attribute.Attribute)
        {
            case 2:
            case 3:
                w.UInt32Value((uint)Math.Round(_values.ImportWatts(attribute.Attribute == 2 ? utc : utc.AddMinutes(-15))));
                return DataAccessResult.Success;
            case 4:
                WriteScalerUnit(w, (0, 27));
                return DataAccessResult.Success;
            case 8:
                w.UInt32Value(900);
                return DataAccessResult.Success;
            case 9:
                w.UInt16Value(1);
                return DataAccessResult.Success;
            default:
                return DataAccessResult.ObjectUndefined;
        }
    }

    public static CosemDateTime ClockValue(DateTime utc)
    {
        DateTime local = EuropeanSummerTime.ToLocal(utc, out bool summer);
        // Deviation as meters in CET send it: -60 in winter, -120 in summer (minutes of local time to UTC, negated).
        return CosemDateTime.From(local, (short)(summer ? -120 : -60), summer ? CosemDateTime.StatusDaylightSavingActive : (byte)0);
    }

    private static DataAccessResult ReadClock(CosemAttributeDescriptor attribute, AxdrWriter w, DateTime utc)
    {
        switch (attribute.Attribute)
        {
            case 2:
                w.DateTimeOctetString(ClockValue(utc));
                return DataAccessResult.Success;
            case 3:
                w.Int16(-60);
                return DataAccessResult.Success;
            case 4:
                w.UInt8Value(EuropeanSummerTime.IsSummer(utc) ? CosemDateTime.StatusDaylightSavingActive : 0);
                return DataAccessResult.Success;
            case 8:
                w.Boolean(true);
                return DataAccessResult.Success;
            default:
                return DataAccessResult.ObjectUndefined;
        }
    }

    private DataAccessResult ReadAssociation(CosemAttributeDescriptor attribute, AxdrWriter w)
    {
        if (attribute.Attribute != 2)
        {
            return DataAccessResult.ObjectUndefined;
        }

        w.Array(_objects.Count);
        foreach (CosemObjectInfo info in _objects)
        {
            w.Structure(4);
            w.UInt16Value(info.ClassId);
            w.UInt8Value(info.ClassId == CosemObjectInfo.ProfileGenericClass ? 1 : 0);
            w.LogicalName(info.LogicalName);
            w.Structure(2); // access_rights: attribute and method access lists left empty
            w.Array(0);
            w.Array(0);
        }

        return DataAccessResult.Success;
    }

    private DataAccessResult ReadProfile(CosemAttributeDescriptor attribute, SelectiveAccess access, AxdrWriter w, DateTime utc)
    {
        CosemProfileDefinition profile = _profiles[attribute.LogicalName];
        switch (attribute.Attribute)
        {
            case 2:
                return WriteBuffer(profile, access, w, utc);
            case 3:
                w.Array(profile.Columns.Length);
                foreach (CosemAttributeDescriptor column in profile.Columns)
                {
                    w.Structure(4);
                    w.UInt16Value(column.ClassId);
                    w.LogicalName(column.LogicalName);
                    w.Int8(column.Attribute);
                    w.UInt16Value(0);
                }

                return DataAccessResult.Success;
            case 4:
                w.UInt32Value(profile.CapturePeriodSeconds);
                return DataAccessResult.Success;
            case 5:
                w.Enum(1); // sort_method fifo
                return DataAccessResult.Success;
            case 7:
                w.UInt32Value((uint)RowTimes(profile, utc).Count);
                return DataAccessResult.Success;
            case 8:
                w.UInt32Value((uint)profile.Depth);
                return DataAccessResult.Success;
            default:
                return DataAccessResult.ObjectUndefined;
        }
    }

    /// <summary>Capture instants (UTC) of the rows the profile holds now, oldest first.</summary>
    public static List<DateTime> RowTimes(CosemProfileDefinition profile, DateTime utc)
    {
        var times = new List<DateTime>();
        if (profile.CapturePeriodSeconds == 0 || profile.Depth == 0)
        {
            return times;
        }

        DateTime last;
        if (profile.CapturePeriodSeconds == 86400)
        {
            DateTime localNow = EuropeanSummerTime.ToLocal(utc, out _);
            DateTime midnight = localNow.Date;
            for (int k = profile.Depth - 1; k >= 0; k--)
            {
                DateTime localDay = midnight.AddDays(-k);
                // Local midnight to UTC: try both offsets, keep the one that maps back.
                DateTime candidate = DateTime.SpecifyKind(localDay.AddHours(-1), DateTimeKind.Utc);
                if (EuropeanSummerTime.ToLocal(candidate, out _) != localDay)
                {
                    candidate = DateTime.SpecifyKind(localDay.AddHours(-2), DateTimeKind.Utc);
                }

                times.Add(candidate);
            }

            return times;
        }

        long period = TimeSpan.TicksPerSecond * profile.CapturePeriodSeconds;
        last = new DateTime(utc.Ticks / period * period, DateTimeKind.Utc);
        for (int k = profile.Depth - 1; k >= 0; k--)
        {
            times.Add(last.AddTicks(-k * period));
        }

        return times;
    }

    private DataAccessResult WriteBuffer(CosemProfileDefinition profile, SelectiveAccess access, AxdrWriter w, DateTime utc)
    {
        List<DateTime> times = RowTimes(profile, utc);
        int first = 0;
        int last = times.Count - 1;
        int firstColumn = 0;
        int lastColumn = profile.Columns.Length - 1;
        if (access.Selector == SelectiveAccess.ByRangeSelector)
        {
            if (access.RestrictingClassId != CosemObjectInfo.ClockClass || access.RestrictingLogicalName != ClockName)
            {
                return DataAccessResult.ObjectUnavailable;
            }

            DateTime from = Bound(access.From, DateTime.MinValue);
            DateTime to = Bound(access.To, DateTime.MaxValue);
            first = times.FindIndex(t => t >= from);
            last = times.FindLastIndex(t => t <= to);
            if (first < 0 || last < first)
            {
                first = 0;
                last = -1;
            }
        }
        else if (access.Selector == SelectiveAccess.ByEntrySelector)
        {
            first = (int)Math.Max(access.FromEntry, 1) - 1;
            last = access.ToEntry == 0 ? times.Count - 1 : (int)Math.Min(access.ToEntry, (uint)times.Count) - 1;
            firstColumn = Math.Max((int)access.FromColumn, 1) - 1;
            lastColumn = access.ToColumn == 0 ? profile.Columns.Length - 1 : Math.Min(access.ToColumn, profile.Columns.Length) - 1;
            if (first > last || firstColumn > lastColumn)
            {
                first = 0;
                last = -1;
            }
        }

        w.Array(last - first + 1);
        for (int r = first; r <= last; r++)
        {
            w.Structure(lastColumn - firstColumn + 1);
            for (int c = firstColumn; c <= lastColumn; c++)
            {
                CosemAttributeDescriptor column = profile.Columns[c];
                if (column.ClassId == CosemObjectInfo.ClockClass)
                {
                    w.DateTimeOctetString(ClockValue(times[r]));
                }
                else if (column.ClassId == CosemObjectInfo.RegisterClass)
                {
                    WriteRegisterValue(column.LogicalName, w, times[r]);
                }
                else
                {
                    w.UInt16Value(0);
                }
            }
        }

        return DataAccessResult.Success;
    }

    // A range bound as UTC; a bound with unspecified fields is open.
    private static DateTime Bound(CosemDateTime value, DateTime open)
    {
        if (!value.TryGetMeterTime(out Concentrator.Core.Readings.MeterTime time))
        {
            return open;
        }

        DateTime local = DateTime.SpecifyKind(time.Local, DateTimeKind.Utc);
        return time.HasOffset ? local.AddMinutes(-time.UtcOffsetMinutes) : local.AddMinutes(-60);
    }
}
