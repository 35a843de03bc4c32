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
        private readonly DlmsClientError _readError = new DlmsClientError();
        private readonly CosemObjectReader _reader;
        private readonly CosemObjectInfo[] _catalogue;
        private readonly ObisCode[] _wanted;
        private readonly CosemObjectInfo[] _objects;
        private int _wantedCount;
        private int _objectCount;
        private bool _resolved;

        public DlmsMeterPoller(DlmsClient client, CosemObjectReader reader, int maxObjects, int catalogueCapacity)
        {
            if (client == null || reader == null)
            {
                throw new ArgumentNullException(client == null ? "client" : "reader");
            }

            _client = client;
            _reader = reader;
            _wanted = new ObisCode[maxObjects];
            _objects = new CosemObjectInfo[maxObjects];
            _catalogue = new CosemObjectInfo[catalogueCapacity];
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
        /// what is wrong with the list.
        /// </summary>
        public string Configure(string objects)
        {
            _wantedCount = 0;
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

                if (_wantedCount == _wanted.Length)
                {
                    return "more than " + _wanted.Length + " objects";
                }

                _wanted[_wantedCount++] = code;
            }

            return null;
        }

        /// <summary>
        /// Time the first read of a meter may take however small the read budget is: it also reads the association's
        /// object list once (at 9600 baud about 9 s for a meter with 270 objects, against about 1.3 s for later reads).
        /// Only the first successful read of each meter pays it, so it delays the others on a bus once after a start.
        /// </summary>
        public int FirstReadBudgetMilliseconds = 60000;

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
                status = _reader.ReadObjects(_objects, _objectCount, set);
            }

            if (status == DlmsClientStatus.Ok)
            {
                status = _client.Release();
            }
            else
            {
                // Keep the error of the read, whole (transport status included); the release is a courtesy to the meter.
                _readError.CopyFrom(_client.LastError);
                if (_client.Associated)
                {
                    _client.Release();
                }
                else
                {
                    transport.Close();
                }

                _client.LastError.CopyFrom(_readError);
            }

            RoundTrips = transport.RoundTrips - roundTrips;
            BytesSent = transport.BytesSent - sent;
            BytesReceived = transport.BytesReceived - received;
            return status;
        }

        // Maps the configured OBIS codes to their classes through the object list (once per meter).
        private DlmsClientStatus Resolve()
        {
            int total;
            DlmsClientStatus status = _reader.ReadObjectList(_catalogue, out total);
            if (status != DlmsClientStatus.Ok && status != DlmsClientStatus.CapacityExceeded)
            {
                return status;
            }

            int known = total < _catalogue.Length ? total : _catalogue.Length;
            _objectCount = 0;
            if (_wantedCount == 0)
            {
                for (int i = 0; i < known && _objectCount < _objects.Length; i++)
                {
                    ushort classId = _catalogue[i].ClassId;
                    if (classId == CosemObjectInfo.DataClass || CosemObjectInfo.HasScalerUnit(classId))
                    {
                        _objects[_objectCount++] = _catalogue[i];
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
                        if (_catalogue[i].LogicalName == _wanted[w])
                        {
                            found = i;
                            break;
                        }
                    }

                    if (found < 0)
                    {
                        DlmsClientError error = _client.LastError;
                        error.Clear();
                        error.Result = DataAccessResult.ObjectUndefined;
                        error.SetAttribute(new CosemAttributeDescriptor(0, _wanted[w], 2));
                        return error.Set(DlmsClientStatus.DataAccessError, "configured object is in the meter's object list");
                    }

                    _objects[_objectCount++] = _catalogue[found];
                }
            }

            _resolved = true;
            return DlmsClientStatus.Ok;
        }
    }
}
