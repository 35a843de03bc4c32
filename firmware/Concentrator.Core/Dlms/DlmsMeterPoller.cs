using System;
using Concentrator.Core.Obis;
using Concentrator.Core.Readings;
using Concentrator.Core.Timing;

namespace Concentrator.Core.Dlms
{
    /// <summary>
    /// One scheduled read of one DLMS meter: associate, learn once which interface class each configured OBIS code
    /// has (from the association's object list), read the clock and the objects, release. Reports the round trips
    /// and APDU bytes the read cost. The objects come from configuration as OBIS codes (MeterDefinition.Objects);
    /// an empty list means every Data, Register, Extended and Demand register the meter offers.
    /// </summary>
    public sealed class DlmsMeterPoller
    {
        private readonly DlmsClient _client;
        private readonly DlmsPollerScratch _shared;
        private readonly CosemObjectReader _reader;
        private readonly bool _ownsScalerUnits;
        private ScalerUnitCache _scalerUnits;

        // The meter's own objects, kept as OBIS keys and class/version columns (ObisCode.ToKey): a struct array would
        // cost a heap object per entry on nanoFramework. The read expands them into the shared scratch. A configured
        // list sizes them (and the scaler_unit cache) to its length; the names are the configured codes until they are
        // resolved against the meter's object list.
        private long[] _objectNames;
        private ushort[] _objectClasses;
        private byte[] _objectVersions;
        private int _wantedCount;
        private int _objectCount;
        private bool _resolved;

        /// <summary>A meter with a reader of its own (its scaler_unit cache is the reader's).</summary>
        public DlmsMeterPoller(DlmsClient client, CosemObjectReader reader, int maxObjects, int catalogueCapacity)
            : this(client, reader == null ? null : new DlmsPollerScratch(reader, maxObjects, catalogueCapacity), reader == null ? null : reader.ScalerUnits)
        {
        }

        /// <summary>
        /// A meter of a bus whose pollers share <paramref name="shared"/> (one read at a time; the reader's client is
        /// <paramref name="client"/>), with its own scaler_unit cache of <paramref name="scalerUnits"/> entries. Reads at
        /// most as many objects per poll as the scratch holds.
        /// </summary>
        public DlmsMeterPoller(DlmsClient client, DlmsPollerScratch shared, int scalerUnits)
            : this(client, shared, new ScalerUnitCache(scalerUnits))
        {
            _ownsScalerUnits = true;
        }

        private DlmsMeterPoller(DlmsClient client, DlmsPollerScratch shared, ScalerUnitCache scalerUnits)
        {
            if (client == null || shared == null)
            {
                throw new ArgumentNullException(client == null ? "client" : "reader (or shared scratch)");
            }

            _client = client;
            _shared = shared;
            _reader = shared.Reader;
            _scalerUnits = scalerUnits;
            Size(shared.Objects.Length);
        }

        public DlmsClientError LastError
        {
            get { return _client.LastError; }
        }

        /// <summary>Round trips, APDU bytes sent and received by the last <see cref="Poll"/>.</summary>
        public int RoundTrips { get; private set; }

        public long BytesSent { get; private set; }

        public long BytesReceived { get; private set; }

        /// <summary>Objects read each poll (known after the first poll).</summary>
        public int ObjectCount
        {
            get { return _objectCount; }
        }

        /// <summary>
        /// Sets the objects to read from "1-0:1.8.0, 1-0:32.7.0, …" (configuration time; allocates). Returns null, or
        /// what is wrong with the list. An empty list reads every register the meter offers, up to the scratch's size.
        /// </summary>
        public string Configure(string objects)
        {
            int maxObjects = _shared.Objects.Length;
            Size(maxObjects);
            _wantedCount = 0;
            _objectCount = 0;
            _resolved = false;
            if (objects == null)
            {
                return null;
            }

            int start = 0;
            for (int i = 0; i <= objects.Length; i++)
            {
                if (i < objects.Length && objects[i] != ',')
                {
                    continue;
                }

                string item = objects.Substring(start, i - start).Trim();
                start = i + 1;
                if (item.Length == 0)
                {
                    continue;
                }

                ObisCode code;
                if (!ObisCode.TryParse(item, out code))
                {
                    return "'" + item + "' is not an OBIS code";
                }

                if (_wantedCount == maxObjects)
                {
                    _wantedCount = 0;
                    return "more than " + maxObjects.ToString() + " objects";
                }

                _objectNames[_wantedCount++] = code.ToKey();
            }

            if (_wantedCount > 0 && _wantedCount < maxObjects)
            {
                long[] names = _objectNames;
                Size(_wantedCount);
                Array.Copy(names, _objectNames, _wantedCount);
                if (_ownsScalerUnits && _scalerUnits.Capacity > _wantedCount)
                {
                    _scalerUnits = new ScalerUnitCache(_wantedCount);
                }
            }

            return null;
        }

        /// <summary>
        /// Time the first read of a meter may take however small the read budget is: it also reads the association's
        /// object list once (at 9600 baud about 9 s for a meter with 270 objects, against about 1.3 s for later reads).
        /// Only the first successful read of each meter pays it, so it delays the others on a bus once after a start.
        /// </summary>
        public const int FirstReadBudgetMilliseconds = 60000;
        // The meter's object columns for at most this many objects.
        private void Size(int objects)
        {
            if (_objectNames == null || _objectNames.Length != objects)
            {
                _objectNames = new long[objects];
                _objectClasses = new ushort[objects];
                _objectVersions = new byte[objects];
            }
        }

        /// <summary>Reads the meter into <paramref name="set"/> (cleared first). The association is released whatever happens.</summary>
        public DlmsClientStatus Poll(ReadingSet set)
        {
            _client.Unlimited();
            return PollNow(set);
        }

        /// <summary>
        /// <see cref="Poll(ReadingSet)"/> bounded as a whole: no request is sent once <paramref name="budgetMilliseconds"/>
        /// (or <see cref="FirstReadBudgetMilliseconds"/>, when larger, until the object list is known) have passed, so the
        /// read ends at most one exchange and the release after its budget, with <see cref="DlmsClientStatus.BudgetExhausted"/>.
        /// </summary>
        public DlmsClientStatus Poll(ReadingSet set, IMillisecondClock clock, int budgetMilliseconds)
        {
            _client.LimitTo(clock, !_resolved && FirstReadBudgetMilliseconds > budgetMilliseconds ? FirstReadBudgetMilliseconds : budgetMilliseconds);
            return PollNow(set);
        }

        private DlmsClientStatus PollNow(ReadingSet set)
        {
            IApduTransport transport = _client.Transport;
            int roundTrips = transport.RoundTrips;
            long sent = transport.BytesSent;
            long received = transport.BytesReceived;
            set.Clear();
            set.Protocol = CosemObjectReader.ProtocolName;
            _reader.UseScalerUnits(_scalerUnits);
            DlmsClientStatus status = _client.Associate();
            if (status == DlmsClientStatus.Ok && !_resolved)
            {
                status = Resolve();
            }

            if (status == DlmsClientStatus.Ok)
            {
                status = _reader.ReadClock(set);
            }

            if (status == DlmsClientStatus.Ok)
            {
                CosemObjectInfo[] objects = _shared.Objects;
                for (int i = 0; i < _objectCount; i++)
                {
                    objects[i].ClassId = _objectClasses[i];
                    objects[i].Version = _objectVersions[i];
                    objects[i].LogicalName = ObisCode.FromKey(_objectNames[i]);
                }

                status = _reader.ReadObjects(objects, _objectCount, set);
            }

            if (status == DlmsClientStatus.Ok)
            {
                status = _client.Release();
            }
            else
            {
                // Keep the error of the read, whole (transport status included); the release is a courtesy to the meter.
                DlmsClientError readError = _shared.ReadError;
                readError.CopyFrom(_client.LastError);
                if (_client.Associated)
                {
                    _client.Release();
                }
                else
                {
                    transport.Close();
                }

                _client.LastError.CopyFrom(readError);
            }

            RoundTrips = transport.RoundTrips - roundTrips;
            BytesSent = transport.BytesSent - sent;
            BytesReceived = transport.BytesReceived - received;
            return status;
        }

        // Maps the configured OBIS codes to their classes through the object list (once per meter).
        private DlmsClientStatus Resolve()
        {
            ushort[] classes = _shared.CatalogueClasses;
            byte[] versions = _shared.CatalogueVersions;
            long[] names = _shared.CatalogueNames;
            int total;
            DlmsClientStatus status = _reader.ReadObjectList(classes, versions, names, out total);
            if (status != DlmsClientStatus.Ok && status != DlmsClientStatus.CapacityExceeded)
            {
                return status;
            }

            int known = total < classes.Length ? total : classes.Length;
            _objectCount = 0;
            if (_wantedCount == 0)
            {
                for (int i = 0; i < known && _objectCount < _objectNames.Length; i++)
                {
                    if (classes[i] == CosemObjectInfo.DataClass || CosemObjectInfo.HasScalerUnit(classes[i]))
                    {
                        Keep(classes[i], versions[i], names[i]);
                    }
                }
            }
            else
            {
                for (int w = 0; w < _wantedCount; w++)
                {
                    int found = -1;
                    for (int i = 0; i < known; i++)
                    {
                        if (names[i] == _objectNames[w])
                        {
                            found = i;
                            break;
                        }
                    }

                    if (found < 0)
                    {
                        _objectCount = 0;
                        DlmsClientError error = _client.LastError;
                        error.Clear();
                        error.Result = DataAccessResult.ObjectUndefined;
                        error.SetAttribute(new CosemAttributeDescriptor(0, ObisCode.FromKey(_objectNames[w]), 2));
                        return error.Set(DlmsClientStatus.DataAccessError, total > classes.Length
                            ? "configured object is in the first " + classes.Length.ToString() + " entries of the meter's object list (" + total.ToString() + " entries)"
                            : "configured object is in the meter's object list");
                    }

                    Keep(classes[found], versions[found], names[found]); // entry w: the same code, now with its class
                }
            }

            _resolved = true;
            return DlmsClientStatus.Ok;
        }

        private void Keep(ushort classId, byte version, long name)
        {
            _objectNames[_objectCount] = name;
            _objectClasses[_objectCount] = classId;
            _objectVersions[_objectCount++] = version;
        }
    }
}
