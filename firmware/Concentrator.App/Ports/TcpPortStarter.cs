using System;
using System.Threading;
using Concentrator.App.Publishing;
using Concentrator.Core.Diagnostics;
using Concentrator.Core.Dsmr;
using Concentrator.Core.Io;
using Concentrator.Core.Meters;
using Concentrator.Core.P1;
using Concentrator.Core.Scheduling;
using Concentrator.Core.Scheduling.Readers;
using Concentrator.Core.Sml;
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

        /// <summary>
        /// Read budget of an endpoint with IEC 62056-21 meters: the readout stays at the converter's speed, often 300
        /// baud, where a few KB take a minute (as on the optical port).
        /// </summary>
        public const int IecReadBudgetMilliseconds = 90000;

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
                IByteLink pushing;
                PushMeterHealthSink pushed = PortStarter.PushHealth(sink, meter.Id, meter.Protocol == MeterProtocol.Dsmr, link, out pushing);
                PolledLinkReader reader = meter.Protocol == MeterProtocol.Dsmr
                    ? (PolledLinkReader)new P1PortReader(pushing, new DsmrTelegramDecoder(new DsmrDecoderOptions()), pushed, new P1ReaderOptions())
                    : new SmlPushReader(pushing, new SmlFileDecoder(new SmlDecoderOptions()), pushed, new SmlPushReaderOptions());
                new Thread(new ContinuousPortLoop(handle, reader, sink).Run).Start();
                return;
            }

            // A meter whose reader cannot be built (an OBJ list the poller refuses, an HDLC address twice on the bus) is
            // reported and left out; the endpoint's other meters run.
            MeterDefinition[] all = endpoint.Meters();
            MeterDefinition[] kept = new MeterDefinition[all.Length];
            IMeterReader[] built = new IMeterReader[all.Length];
            IByteLink captured = PortStarter.Captured(link);
            TcpEndpointReaders shared = new TcpEndpointReaders(captured, new SystemMillisecondClock(), new SystemScheduleClock(), PortStarter.ReaderSizes, all.Length);
            int count = 0;
            for (int i = 0; i < all.Length; i++)
            {
                MeterPublisher sink = publisher.Find(all[i].Id);
                try
                {
                    built[count] = PortStarter.Captured(shared.ReaderFor(all[i]), captured); // CAPT records only this meter's sessions
                }
                catch (ArgumentException ex)
                {
                    sink.ReportProblem("meter " + all[i].Id + " on " + name + ": " + ex.Message);
                    continue;
                }

                sink.Link = name + " " + MeterDefinitionText.ProtocolName(all[i].Protocol);
                kept[count++] = all[i];
            }

            SchedulerOptions schedule = new SchedulerOptions();
            schedule.ReadBudgetMilliseconds = ReadBudgetMilliseconds;
            for (int i = 0; i < count; i++)
            {
                if (kept[i].Protocol == MeterProtocol.Iec62056_21)
                {
                    schedule.ReadBudgetMilliseconds = IecReadBudgetMilliseconds;
                }
            }

            PortStarter.StartPolled(handle, kept, built, count, schedule, publisher, name);
        }
    }
}
