using Concentrator.Core.Hdlc;
using Concentrator.Core.Meters;

namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// Which TCP connections the concentrator opens for the meters of the inventory with <c>PORT=TCP</c>, decided once
    /// at start (and checked by <c>MADD</c> before a meter is added): meters with the same <c>HOST:PORT</c> share one
    /// connection and one polled port, read one at a time (the meters of an RS485 bus behind ser2net or a Moxa; the
    /// logical devices of one wrapper gateway); a meter that streams (DSMR P1 or SML push, <c>INT=0</c>) has its
    /// connection to itself, read continuously. At most <see cref="MaxEndpoints"/> connections: each costs a thread,
    /// a socket and the buffers of its readers on a device with about 100 KB of heap (the reasoning is in
    /// <c>Scheduling/README.md</c>). A meter that cannot be read (a malformed address, a protocol that cannot run the
    /// way it is configured, a stream sharing a connection, an endpoint beyond the limit) is left out with its reason;
    /// the others still run.
    /// </summary>
    public sealed class TcpEndpointPlan
    {
        /// <summary>TCP connections the board reads at most (threads, sockets, heap: see the README).</summary>
        public const int MaxEndpoints = 4;

        /// <summary>
        /// Heap kept free when the board starts an endpoint: M2Mqtt's in-flight messages (8 payloads of up to
        /// <c>mqtt.payload_bytes</c>, 4 KiB) are allocated later, once the broker is connected.
        /// </summary>
        public const int HeapReserveBytes = 32768;

        /// <summary>An endpoint's own cost beside its readers: its thread and stack frames, the socket link, the loop (estimated).</summary>
        public const int EndpointHeapBytes = 3072;

        // Readers' heap per meter, measured on desktop .NET by TcpEndpointMemoryTests with the board's sizes and rounded up
        // (the bulk is byte buffers, which nanoFramework stores as densely): the first meter of a protocol on an endpoint
        // pays for what the endpoint's meters of that protocol share (IEC session; HDLC bus, session and DLMS client).
        public const int IecFirstHeapBytes = 19456;
        public const int IecFurtherHeapBytes = 512;
        public const int HdlcFirstHeapBytes = 24576;
        public const int HdlcFurtherHeapBytes = 2048;
        // The wrapper's figure rose by 40 B on desktop when CosemAttributeDescriptor began keeping its logical name as a long
        // key (padding); on nanoCLR that change saves about 6 KB per endpoint (App README, "Heap budget").
        public const int WrapperHeapBytes = 24576;
        public const int SmlPullHeapBytes = 14336;
        public const int SmlStreamHeapBytes = 10240;
        public const int DsmrPolledHeapBytes = 14336;
        public const int DsmrStreamHeapBytes = 11264;

        private readonly TcpEndpoint[] _endpoints = new TcpEndpoint[MaxEndpoints];
        private readonly MeterDefinition[] _rejected;
        private readonly string[] _reasons;

        private TcpEndpointPlan(int capacity)
        {
            _rejected = new MeterDefinition[capacity];
            _reasons = new string[capacity];
        }

        /// <summary>Connections to open.</summary>
        public int Count { get; private set; }

        public TcpEndpoint this[int index]
        {
            get { return _endpoints[index]; }
        }

        /// <summary>TCP meters left out.</summary>
        public int RejectedCount { get; private set; }

        public MeterDefinition Rejected(int index)
        {
            return _rejected[index];
        }

        /// <summary>Why <see cref="Rejected"/>(<paramref name="index"/>) is left out, a whole sentence naming the meter.</summary>
        public string Reason(int index)
        {
            return _reasons[index];
        }

        /// <summary>The reason the meter with this id is left out, or null when it is read (or not a TCP meter).</summary>
        public string ReasonFor(string meterId)
        {
            for (int i = 0; i < RejectedCount; i++)
            {
                if (_rejected[i].Id == meterId)
                {
                    return _reasons[i];
                }
            }

            return null;
        }

        /// <summary>Plans the TCP meters among <c>meters[0..count)</c> (other ports are skipped), in inventory order.</summary>
        public static TcpEndpointPlan From(MeterDefinition[] meters, int count)
        {
            TcpEndpointPlan plan = new TcpEndpointPlan(count);
            for (int i = 0; i < count; i++)
            {
                MeterDefinition meter = meters[i];
                if (meter == null || meter.Port != MeterPort.Tcp)
                {
                    continue;
                }

                string problem = Check(meter);
                if (problem != null)
                {
                    plan.Reject(meter, problem);
                    continue;
                }

                string host;
                int port;
                string target;
                TcpAddress.TryParse(meter.Address, out host, out port, out target);
                TcpEndpointKind kind = KindOf(meter);
                TcpEndpoint endpoint = plan.Find(host, port);
                if (endpoint == null)
                {
                    if (plan.Count == MaxEndpoints)
                    {
                        plan.Reject(meter, "meter " + meter.Id + ": the board reads at most " + MaxEndpoints.ToString()
                            + " TCP endpoints (each costs a thread, a socket and the readers' buffers in the heap); "
                            + host + ":" + port.ToString() + " would be one more");
                        continue;
                    }

                    endpoint = new TcpEndpoint(host, port, kind, count);
                    plan._endpoints[plan.Count++] = endpoint;
                }
                else if (kind == TcpEndpointKind.Continuous || endpoint.Kind == TcpEndpointKind.Continuous)
                {
                    MeterDefinition first = endpoint.Meter(0);
                    plan.Reject(meter, "meter " + meter.Id + ": " + endpoint.Name + " is already used by meter " + first.Id
                        + (kind == TcpEndpointKind.Continuous
                            ? "; a meter that pushes (INT=0) needs a connection of its own"
                            : ", which pushes (INT=0) and needs the connection to itself"));
                    continue;
                }

                endpoint.Add(AsRead(meter, target));
            }

            return plan;
        }

        /// <summary>
        /// What keeps one TCP meter from being read, or null when it can be: the address (<c>HOST:PORT</c>, with
        /// <c>/LOGICAL/PHYSICAL</c> for HDLC, <c>/WPORT</c> optional for the wrapper, <c>/DEVICE</c> optional for IEC
        /// 62056-21), and whether its protocol can run at its interval (IEC and DLMS are polled: INT above 0).
        /// </summary>
        public static string Check(MeterDefinition meter)
        {
            string host;
            int port;
            string target;
            if (!TcpAddress.TryParse(meter.Address, out host, out port, out target))
            {
                return "meter " + meter.Id + ": expected ADDR=HOST:PORT (port 1 to 65535" + TargetHint(meter.Protocol) + "), got '" + meter.Address + "'";
            }

            switch (meter.Protocol)
            {
                case MeterProtocol.DlmsHdlc:
                    HdlcAddress server;
                    if (!HdlcAddress.TryParse(target, out server))
                    {
                        return "meter " + meter.Id + ": an HDLC meter behind TCP needs ADDR=HOST:PORT/LOGICAL/PHYSICAL (e.g. 10.0.0.5:4001/1/17), got '" + meter.Address + "'";
                    }

                    break;
                case MeterProtocol.DlmsWrapper:
                    int wPort;
                    if (target.Length > 0 && !Configuration.ConfigValues.TryParseNumber(target, 1, 65535, out wPort))
                    {
                        return "meter " + meter.Id + ": a wrapper meter needs ADDR=HOST:PORT or HOST:PORT/WPORT (server wPort 1 to 65535), got '" + meter.Address + "'";
                    }

                    break;
                case MeterProtocol.Dsmr:
                case MeterProtocol.Sml:
                    if (target.Length > 0)
                    {
                        return "meter " + meter.Id + ": a " + MeterDefinitionText.ProtocolName(meter.Protocol) + " meter has nothing after HOST:PORT, got '" + meter.Address + "'";
                    }

                    break;
            }

            if (meter.IntervalSeconds == 0 && meter.Protocol != MeterProtocol.Dsmr && meter.Protocol != MeterProtocol.Sml)
            {
                return "meter " + meter.Id + ": " + MeterDefinitionText.ProtocolName(meter.Protocol) + " meters are polled, INT=0 (a meter that pushes) is for DSMR and SML";
            }

            return null;
        }

        /// <summary>
        /// The definition a reader is given: for IEC 62056-21 a copy whose address is the device address after
        /// HOST:PORT (what goes into the sign-on request, empty for /?!), else the inventory's own definition.
        /// </summary>
        public static MeterDefinition AsRead(MeterDefinition meter, string target)
        {
            if (meter.Protocol != MeterProtocol.Iec62056_21)
            {
                return meter;
            }

            MeterDefinition copy = MeterDefinitionText.Copy(meter);
            copy.Address = target;
            return copy;
        }

        /// <summary>Continuous for a DSMR or SML meter that pushes (INT=0), else polled.</summary>
        public static TcpEndpointKind KindOf(MeterDefinition meter)
        {
            return meter.IntervalSeconds == 0 && (meter.Protocol == MeterProtocol.Dsmr || meter.Protocol == MeterProtocol.Sml)
                ? TcpEndpointKind.Continuous
                : TcpEndpointKind.Polled;
        }

        /// <summary>
        /// The heap an endpoint takes once started (its readers, thread and link), from the measured figures above.
        /// HDLC meters with a second password on one bus add a DLMS client each, which this does not count.
        /// </summary>
        public static int EstimatedHeapBytes(TcpEndpoint endpoint)
        {
            int bytes = EndpointHeapBytes;
            bool iec = false;
            bool hdlc = false;
            for (int i = 0; i < endpoint.MeterCount; i++)
            {
                MeterDefinition meter = endpoint.Meter(i);
                bool stream = endpoint.Kind == TcpEndpointKind.Continuous;
                switch (meter.Protocol)
                {
                    case MeterProtocol.Iec62056_21:
                        bytes += iec ? IecFurtherHeapBytes : IecFirstHeapBytes;
                        iec = true;
                        break;
                    case MeterProtocol.DlmsHdlc:
                        bytes += hdlc ? HdlcFurtherHeapBytes : HdlcFirstHeapBytes;
                        hdlc = true;
                        break;
                    case MeterProtocol.DlmsWrapper:
                        bytes += WrapperHeapBytes;
                        break;
                    case MeterProtocol.Sml:
                        bytes += stream ? SmlStreamHeapBytes : SmlPullHeapBytes;
                        break;
                    default:
                        bytes += stream ? DsmrStreamHeapBytes : DsmrPolledHeapBytes;
                        break;
                }
            }

            return bytes;
        }

        /// <summary>
        /// Why the endpoint cannot be started with <paramref name="freeBytes"/> of free heap (its estimate plus
        /// <see cref="HeapReserveBytes"/> do not fit), or null when it can.
        /// </summary>
        public static string HeapProblem(TcpEndpoint endpoint, long freeBytes)
        {
            int need = EstimatedHeapBytes(endpoint);
            if (freeBytes >= need + HeapReserveBytes)
            {
                return null;
            }

            return "TCP " + endpoint.Name + " not started: its meters need about " + ((need + 1023) / 1024).ToString() + " KB of heap and "
                + (freeBytes / 1024).ToString() + " KB are free, of which " + (HeapReserveBytes / 1024).ToString()
                + " KB stay for MQTT (a board with PSRAM has room for more)";
        }

        /// <summary>One line for the log: each endpoint with its meters, and how many TCP meters are left out.</summary>
        public string Describe()
        {
            string text = string.Empty;
            for (int e = 0; e < Count; e++)
            {
                TcpEndpoint endpoint = _endpoints[e];
                text += (text.Length == 0 ? string.Empty : "; ") + endpoint.Name + (endpoint.Kind == TcpEndpointKind.Continuous ? " stream " : " polled ");
                for (int m = 0; m < endpoint.MeterCount; m++)
                {
                    text += (m == 0 ? string.Empty : ",") + endpoint.Meter(m).Id;
                }
            }

            if (RejectedCount > 0)
            {
                text += (text.Length == 0 ? string.Empty : "; ") + RejectedCount.ToString() + " TCP meter(s) left out";
            }

            return text.Length == 0 ? "no TCP meters" : text;
        }

        private TcpEndpoint Find(string host, int port)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_endpoints[i].Is(host, port))
                {
                    return _endpoints[i];
                }
            }

            return null;
        }

        private void Reject(MeterDefinition meter, string reason)
        {
            _rejected[RejectedCount] = meter;
            _reasons[RejectedCount++] = reason;
        }

        private static string TargetHint(MeterProtocol protocol)
        {
            switch (protocol)
            {
                case MeterProtocol.DlmsHdlc:
                    return ", then /LOGICAL/PHYSICAL";
                case MeterProtocol.DlmsWrapper:
                    return ", optionally /WPORT";
                case MeterProtocol.Iec62056_21:
                    return ", optionally /DEVICE-ADDRESS";
                default:
                    return string.Empty;
            }
        }
    }
}
