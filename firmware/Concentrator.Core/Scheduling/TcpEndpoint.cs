using Concentrator.Core.Meters;

namespace Concentrator.Core.Scheduling
{
    /// <summary>
    /// One TCP connection of the concentrator (<c>HOST:PORT</c>) and the meters read over it: several for a serial bus
    /// behind a serial-to-TCP converter (ser2net, a Moxa NPort), read one at a time; one for a stream.
    /// </summary>
    public sealed class TcpEndpoint
    {
        private readonly MeterDefinition[] _meters;

        internal TcpEndpoint(string host, int port, TcpEndpointKind kind, int capacity)
        {
            Host = host;
            Port = port;
            Kind = kind;
            _meters = new MeterDefinition[capacity];
        }

        public string Host { get; private set; }

        public int Port { get; private set; }

        public TcpEndpointKind Kind { get; private set; }

        /// <summary>"host:port", for logs and error topics.</summary>
        public string Name
        {
            get { return (Host.IndexOf(':') >= 0 ? "[" + Host + "]" : Host) + ":" + Port.ToString(); }
        }

        public int MeterCount { get; private set; }

        public MeterDefinition Meter(int index)
        {
            return _meters[index];
        }

        /// <summary>The meters as an array of exactly <see cref="MeterCount"/> (allocated per call: for start-up).</summary>
        public MeterDefinition[] Meters()
        {
            MeterDefinition[] meters = new MeterDefinition[MeterCount];
            for (int i = 0; i < MeterCount; i++)
            {
                meters[i] = _meters[i];
            }

            return meters;
        }

        /// <summary>True when this endpoint is <paramref name="host"/>:<paramref name="port"/>.</summary>
        public bool Is(string host, int port)
        {
            return port == Port && TcpAddress.SameHost(host, Host);
        }

        internal void Add(MeterDefinition meter)
        {
            _meters[MeterCount++] = meter;
        }
    }
}
