using System;
using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.Core.Bus;
using Concentrator.Core.Dlms;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Hdlc;
using Concentrator.Core.Iec62056;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Readings;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
using Concentrator.Core.Wrapper;
using Concentrator.Drivers.Net;
using Concentrator.Drivers.Timing;

namespace Concentrator.App.Ports
{
    /// <summary>
    /// Starts the meters with <c>PORT=TCP</c>: Core's <see cref="TcpEndpointPlan"/> groups them by <c>HOST:PORT</c>
    /// (at most <see cref="TcpEndpointPlan.MaxEndpoints"/> connections), and each endpoint gets one thread over one
    /// <see cref="SocketByteLink"/>: a polled port (<see cref="PolledPortLoop"/> + Core's <see cref="PortScheduler"/>)
    /// whose meters are read one at a time with the same readers as the serial ports (IEC 62056-21, DLMS/COSEM over HDLC
    /// on a bus behind a serial-to-TCP converter, DLMS over the IEC 62056-47 wrapper, SML pull, DSMR at an interval), or
    /// a continuous loop (<see cref="ContinuousPortLoop"/>) for a DSMR P1 or SML stream (INT=0). Meters the plan leaves
    /// out, and endpoints the free heap cannot hold beside MQTT's reserve (<see cref="TcpEndpointPlan.HeapProblem"/>),
    /// are reported on their meters' error topics with the reason; the rest runs.
    /// </summary>
    public static class TcpPortStarter
    {
        /// <summary>
        /// Read budget of a TCP meter: the reconnect the link may make (DNS + 5 s connect) and a DLMS read of six or more
        /// exchanges of at most 3 s (wrapper) or the HDLC session's 4 × 1.5 s.
        /// </summary>
        public const int ReadBudgetMilliseconds = 40000;

        /// <summary>Wrapper response timeout: a LAN or a cellular router in front of the meter answers well within it.</summary>
        private const int WrapperResponseMilliseconds = 3000;

        public static void Start(MeterDefinition[] meters, ReadingPublisher publisher)
        {
            TcpEndpointPlan plan = TcpEndpointPlan.From(meters, meters.Length);
            Log.Info("TCP meters: " + plan.Describe());
            for (int i = 0; i < plan.RejectedCount; i++)
            {
                publisher.Find(plan.Rejected(i).Id).ReportProblem(plan.Reason(i));
            }

            for (int e = 0; e < plan.Count; e++)
            {
                TcpEndpoint endpoint = plan[e];

                // Started only while the heap has room for its readers and still keeps MQTT's reserve (without PSRAM
                // that is one or two endpoints beside the serial ports; see Core's Scheduling/README.md).
                string heap = TcpEndpointPlan.HeapProblem(endpoint, nanoFramework.Runtime.Native.GC.Run(false));
                if (heap != null)
                {
                    Log.Info(heap);
                    for (int m = 0; m < endpoint.MeterCount; m++)
                    {
                        publisher.Find(endpoint.Meter(m).Id).ReportProblem(heap);
                    }

                    continue;
                }

                try
                {
                    StartEndpoint(endpoint, publisher);
                }
                catch (ArgumentException ex)
                {
                    for (int m = 0; m < endpoint.MeterCount; m++)
                    {
                        publisher.Find(endpoint.Meter(m).Id).ReportProblem("TCP " + endpoint.Name + " settings: " + ex.Message);
                    }
                }
            }
        }

        private static void StartEndpoint(TcpEndpoint endpoint, ReadingPublisher publisher)
        {
            SocketByteLinkOptions options = new SocketByteLinkOptions();
            options.Host = endpoint.Host;
            options.Port = endpoint.Port;
            SocketByteLink link = new SocketByteLink(options);
            string name = "TCP " + endpoint.Name;
            PortHandle handle = new PortHandle(name, link.Open, link.Close, delegate { return link.LastProblem; });
            if (endpoint.Kind == TcpEndpointKind.Continuous)
            {
                MeterDefinition meter = endpoint.Meter(0);
                MeterPublisher sink = publisher.Find(meter.Id);
                sink.Link = name + " " + MeterDefinitionText.ProtocolName(meter.Protocol) + " stream";
                PolledLinkReader reader = meter.Protocol == MeterProtocol.Dsmr
                    ? (PolledLinkReader)new P1PortReader(link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), sink, new P1ReaderOptions())
                    : new SmlPushReader(link, new SmlFileDecoder(new SmlDecoderOptions()), sink, new SmlPushReaderOptions());
                new Thread(new ContinuousPortLoop(handle, reader, sink).Run).Start();
                return;
            }

            // A meter whose reader cannot be built (an OBJ list the poller refuses, an HDLC address twice on the bus) is
            // reported and left out; the endpoint's other meters run.
            MeterDefinition[] all = endpoint.Meters();
            MeterDefinition[] kept = new MeterDefinition[all.Length];
            IMeterReader[] built = new IMeterReader[all.Length];
            EndpointReaders shared = new EndpointReaders(link, all.Length);
            int count = 0;
            for (int i = 0; i < all.Length; i++)
            {
                MeterPublisher sink = publisher.Find(all[i].Id);
                try
                {
                    built[count] = shared.ReaderFor(all[i]);
                }
                catch (ArgumentException ex)
                {
                    sink.ReportProblem("meter " + all[i].Id + " on " + name + ": " + ex.Message);
                    continue;
                }

                sink.Link = name + " " + MeterDefinitionText.ProtocolName(all[i].Protocol);
                kept[count++] = all[i];
            }

            if (count == 0)
            {
                return;
            }

            MeterDefinition[] meters = new MeterDefinition[count];
            IMeterReader[] readers = new IMeterReader[count];
            Array.Copy(kept, meters, count);
            Array.Copy(built, readers, count);

            SchedulerOptions schedule = new SchedulerOptions();
            schedule.ReadBudgetMilliseconds = ReadBudgetMilliseconds;
            PortStarter.StartPolled(handle, meters, readers, schedule, publisher, name);
        }

        /// <summary>
        /// The readers of one polled endpoint: what meters of one protocol can share is made once (the IEC session; the
        /// HDLC bus arbiter and one DLMS client per password), the rest per meter.
        /// </summary>
        private sealed class EndpointReaders
        {
            private readonly SocketByteLink _link;
            private readonly DlmsClient[] _clients;
            private readonly string[] _passwords;
            private int _clientCount;
            private IecMeterReader _iec;
            private BusMemberTransport _bus;

            public EndpointReaders(SocketByteLink link, int meters)
            {
                _link = link;
                _clients = new DlmsClient[meters];
                _passwords = new string[meters];
            }

            public IMeterReader ReaderFor(MeterDefinition meter)
            {
                string host;
                int port;
                string target;
                TcpAddress.TryParse(meter.Address, out host, out port, out target);
                switch (meter.Protocol)
                {
                    case MeterProtocol.Iec62056_21:
                        return Iec();
                    case MeterProtocol.DlmsHdlc:
                        return Hdlc(meter, target);
                    case MeterProtocol.DlmsWrapper:
                        return Wrapper(meter, target);
                    case MeterProtocol.Sml:
                        SmlClientOptions sml = new SmlClientOptions();
                        return new SmlPullMeterReader(new SmlClientSession(_link, new SmlFileDecoder(new SmlDecoderOptions()), sml), sml);
                    default:
                        return new P1MeterReader(_link, new DsmrTelegramDecoder(new DsmrDecoderOptions()), new SystemScheduleClock(), 100, 512);
                }
            }

            // One session for every IEC meter of the endpoint (they are read one at a time). A serial-to-TCP converter
            // cannot follow a baud change, so the readout stays at the converter's speed (acknowledged with baud '0').
            private IMeterReader Iec()
            {
                if (_iec == null)
                {
                    IecSessionOptions template = new IecSessionOptions();
                    template.PortMaximumBaud = 300;
                    IecSession session = new IecSession(_link, new SystemMillisecondClock(), new IecMessageDecoder(new IecDecoderOptions()), new IecBaudMemory(_clients.Length));
                    _iec = new IecMeterReader(session, template);
                }

                return _iec;
            }

            // The meters of an RS485 bus behind the converter, as on the board's own bus: one arbiter, one HDLC session.
            private IMeterReader Hdlc(MeterDefinition meter, string target)
            {
                if (_bus == null)
                {
                    _bus = new BusMemberTransport(new MeterBusArbiter(_link, new SystemMillisecondClock(), new HdlcSessionOptions()));
                }

                HdlcAddress server;
                HdlcAddress.TryParse(target, out server); // checked by the plan
                bool password = meter.Password.Length > 0;
                LineSettings line = new LineSettings(meter.BaudCap > 0 ? meter.BaudCap : 9600, 8, LineParity.None, 1, false);
                int member = _bus.Bus.Add(server, HdlcAddress.Client(password ? HdlcAddress.PasswordClient : HdlcAddress.PublicClient), line);
                DlmsClient client = null;
                for (int c = 0; c < _clientCount; c++)
                {
                    if (_passwords[c] == meter.Password)
                    {
                        client = _clients[c];
                    }
                }

                if (client == null)
                {
                    client = PortStarter.NewDlmsClient(_bus, meter.Password);
                    _clients[_clientCount] = client;
                    _passwords[_clientCount++] = meter.Password;
                }

                return new DlmsMeterReader(Poller(client, meter), NewDlmsReadings(), _bus, member);
            }

            // A meter behind the wrapper: its own transport (its wPort) over the endpoint's connection.
            private IMeterReader Wrapper(MeterDefinition meter, string target)
            {
                bool password = meter.Password.Length > 0;
                WrapperTransportOptions options = new WrapperTransportOptions();
                options.ClientPort = password ? HdlcAddress.PasswordClient : HdlcAddress.PublicClient;
                options.ServerPort = target.Length == 0 ? 1 : int.Parse(target); // checked by the plan
                options.ResponseTimeoutMilliseconds = WrapperResponseMilliseconds;
                WrapperTransport transport = new WrapperTransport(_link, new SystemMillisecondClock(), options);
                return new DlmsMeterReader(Poller(PortStarter.NewDlmsClient(transport, meter.Password), meter), NewDlmsReadings());
            }

            private static DlmsMeterPoller Poller(DlmsClient client, MeterDefinition meter)
            {
                DlmsMeterPoller poller = PortStarter.NewDlmsPoller(client);
                string objects = poller.Configure(meter.Objects);
                if (objects != null)
                {
                    throw new ArgumentException("OBJ: " + objects);
                }

                return poller;
            }

            private static ReadingSet NewDlmsReadings()
            {
                return new ReadingSet(PortStarter.DlmsMaxObjects * 2, 1024);
            }
        }
    }
}
